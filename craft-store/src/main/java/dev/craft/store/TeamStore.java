package dev.craft.store;

import dev.craft.core.Actor;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Teams: the unit of per-product access. */
public final class TeamStore {
  private final Jdbi jdbi;

  public TeamStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public TeamRow create(Actor actor, String name) {
    return Sql.inTransaction(
        jdbi,
        h -> {
          TeamRow team =
              h.createQuery("INSERT INTO team (name) VALUES (:n) RETURNING *")
                  .bind("n", name)
                  .mapTo(TeamRow.class)
                  .one();
          AuditLog.append(h, actor, "team.create", "team", Long.toString(team.id()), team);
          return team;
        },
        "a team named '" + name + "' already exists");
  }

  public void addMember(Actor actor, long teamId, long userId) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "INSERT INTO team_member (team_id, user_id) VALUES (:t, :u) ON CONFLICT DO NOTHING")
              .bind("t", teamId)
              .bind("u", userId)
              .execute();
          AuditLog.append(
              h,
              actor,
              "team.add-member",
              "team",
              Long.toString(teamId),
              "{\"userId\":" + userId + "}");
        });
  }

  public List<TeamView> listWithMembers() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT t.id, t.name,
                      coalesce((SELECT array_agg(u.username ORDER BY u.username) FROM team_member m
                                JOIN app_user u ON u.id = m.user_id WHERE m.team_id = t.id), '{}') AS members,
                      coalesce((SELECT array_agg(p.name ORDER BY p.name) FROM product_team pt
                                JOIN product p ON p.id = pt.product_id WHERE pt.team_id = t.id), '{}') AS products
                    FROM team t ORDER BY t.name
                    """)
                .map(
                    (rs, ctx) ->
                        new TeamView(
                            rs.getLong("id"),
                            rs.getString("name"),
                            List.of((String[]) rs.getArray("members").getArray()),
                            List.of((String[]) rs.getArray("products").getArray())))
                .list());
  }

  public List<TeamRow> list() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT * FROM team ORDER BY name").mapTo(TeamRow.class).list());
  }
}
