package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A person signs in, creates a product, adds a release through htmx, and sees both. */
class ProductBrowserTest {
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of());
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  @Test
  void signInCreateAProductAndAddARelease() {
    try (var b = Browser.open(s.server.port())) {
      b.go("/products");
      assertThat(b.currentPath()).startsWith("/login");
      b.signIn("admin", TestServer.ADMIN_PASSWORD);
      assertThat(b.currentPath()).isEqualTo("/");
      assertThat(b.find("#dashboard-tiles").getText()).contains("products");
      b.go("/products");

      b.type("#product-name", "Browser Router X1");
      b.driver().findElement(By.cssSelector("select[name=type] option[value=hardware]")).click();
      b.driver().findElement(By.name("securityContact")).sendKeys("psirt@router.example");
      b.find("#create-product").click();
      b.waitForText("#product-title", "Browser Router X1");
      assertThat(b.currentPath()).matches("/products/\\d+");

      b.type("#release-version", "1.0.0");
      b.find("#add-release").click();
      b.waitForText("#release-list", "1.0.0");
      // htmx swapped the section in place: still on the product page, no full reload needed.
      assertThat(b.currentPath()).matches("/products/\\d+");

      b.go("/products");
      assertThat(b.find("#product-list").getText()).contains("Browser Router X1");
    }
    var api = Browserless.json(s.get("/api/v1/products", TestServer.ADMIN_TOKEN));
    assertThat(api.get("items").findValues("name"))
        .anyMatch(n -> n.asText().equals("Browser Router X1"));
  }

  @Test
  void aWrongPasswordShowsAnErrorOnTheSignInPage() {
    try (var b = Browser.open(s.server.port())) {
      b.go("/login");
      b.type("#username", "admin");
      b.type("#password", "not-the-password");
      b.find("#sign-in").click();
      assertThat(b.find("p.error").getText()).contains("wrong password");
    }
  }
}
