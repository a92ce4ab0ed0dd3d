package dev.craft.store;

import java.util.List;

/** A team with the user names of its members and the names of the products it sees. */
public record TeamView(long id, String name, List<String> members, List<String> products) {
  public TeamView {
    members = List.copyOf(members);
    products = List.copyOf(products);
  }
}
