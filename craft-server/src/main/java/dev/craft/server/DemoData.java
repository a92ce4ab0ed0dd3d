package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.Product;
import dev.craft.core.ProductDraft;
import dev.craft.core.Release;
import dev.craft.core.ReleaseDraft;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.TeamStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realistic demo manufacturer for {@code craft serve --demo}: a smart-home gateway (hardware with
 * firmware) and its companion app, with several releases each, a product-security team and one user
 * per role. Loaded only into an empty database, so restarting with {@code --demo} never duplicates
 * it.
 */
final class DemoData {
  /** Every demo user's password; printed by {@code craft serve --demo}. */
  static final String PASSWORD = "demo-password-2026";

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final TeamStore teams;
  private final ProductStore products;
  private final ReleaseStore releases;
  private final Accounts accounts;
  private final SbomService sboms;
  private final AdvisoryService advisories;
  private final CsafService csaf;

  DemoData(
      TeamStore teams,
      ProductStore products,
      ReleaseStore releases,
      Accounts accounts,
      SbomService sboms,
      AdvisoryService advisories,
      CsafService csaf) {
    this.teams = teams;
    this.products = products;
    this.releases = releases;
    this.accounts = accounts;
    this.sboms = sboms;
    this.advisories = advisories;
    this.csaf = csaf;
  }

  void loadIfEmpty() {
    if (!products.list(Actor.SYSTEM, true, 1, 0).isEmpty()) {
      return;
    }
    Actor s = Actor.SYSTEM;
    var team = teams.create(s, "Nordlicht Product Security");
    for (String[] u :
        new String[][] {
          {"psirt", "Paula PSIRT", "psirt"},
          {"compliance", "Carl Compliance", "compliance"},
          {"developer", "Dana Developer", "developer"},
          {"auditor", "Aino Auditor", "auditor"}
        }) {
      var user = accounts.createUser(s, u[0], u[1], u[0] + "@nordlicht.example", u[2], PASSWORD);
      teams.addMember(s, team.id(), user.id());
    }

    Product gateway =
        products.create(
            s,
            ProductDraft.of(
                "Nordlicht Home Gateway",
                "Smart-home hub connecting Zigbee and Thread devices to the home network and the"
                    + " Nordlicht cloud; runs the Nordlicht OS firmware.",
                "manufacturer",
                "hardware",
                "Central control of lighting, heating and door sensors in private homes.",
                "https://nordlicht.example/gateway",
                "security@nordlicht.example"));
    Product app =
        products.create(
            s,
            ProductDraft.of(
                "Nordlicht Companion App",
                "Mobile and desktop application to configure the gateway and view device state.",
                "manufacturer",
                "software",
                "Configuration and monitoring of Nordlicht gateways by their owners.",
                "https://nordlicht.example/app",
                "security@nordlicht.example"));
    for (Product p : new Product[] {gateway, app}) {
      products.grantTeam(s, p.id(), team.id());
    }
    release(gateway, "3.8.2", "2025-09-15", "2025-10-01", "superseded");
    release(gateway, "4.0.0", "2026-03-02", "2026-03-16", "superseded");
    var current = release(gateway, "4.1.0", "2026-09-28", "2026-10-05", "released");
    sboms.upload(s, gateway.id(), current.id(), resource("/demo/gateway-4.1.0.cdx.json"), false);
    // Three advisories written for the demo and a one-entry KEV excerpt: importing them finds the
    // gateway's
    // vulnerable components through the portfolio-impact path, so the release page shows findings
    // at once.
    advisories.importKev(s, resource("/demo/kev-demo.json"));
    for (String id : new String[] {"DEMO-2021-0001", "DEMO-2019-0002", "DEMO-2023-0003"}) {
      advisories.importOsv(s, resource("/demo/advisories/" + id + ".json"), id + ".json");
    }
    var planned = release(gateway, "4.2.0", "", "", "in_development");
    publishAdvisory(gateway, current, planned);
    release(app, "2.4.1", "2026-05-11", "2026-05-11", "superseded");
    release(app, "2.5.0", "2026-10-20", "2026-10-20", "released");
    LOG.info(
        "demo data loaded: 2 products, 6 releases, 1 SBOM, 3 advisories, 4 users (password {})",
        PASSWORD);
  }

  /** One published TLP:CLEAR advisory, so a fresh instance shows a populated CSAF provider. */
  private void publishAdvisory(Product gateway, Release affected, Release fixed) {
    var body = dev.craft.store.CraftJson.mapper().createObjectNode();
    body.put("title", "Remote code execution in the Nordlicht Home Gateway (Log4Shell)");
    body.put("tlp", "CLEAR");
    body.put("productId", gateway.id());
    body.putArray("releaseIds").add(affected.id()).add(fixed.id());
    body.put(
        "summary",
        "The gateway's management service 4.1.0 bundles log4j-core 2.14.1, which evaluates JNDI"
            + " lookups in logged data (CVE-2021-44228). Update to 4.2.0.");
    var v = body.putArray("vulnerabilities").addObject();
    v.put("cve", "CVE-2021-44228");
    v.put("title", "Apache Log4j2 JNDI lookup remote code execution");
    v.put(
        "notes",
        "An attacker who can make the management service log a crafted string can execute code"
            + " loaded from a remote LDAP server.");
    v.put("cvssV3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
    var status = v.putObject("productStatus");
    status.putArray("known_affected").add(affected.id());
    status.putArray("fixed").add(fixed.id());
    var fix = v.putArray("remediations").addObject();
    fix.put("category", "vendor_fix");
    fix.put("details", "Update the gateway firmware to 4.2.0, which ships log4j-core 2.17.1.");
    fix.put("url", "https://nordlicht.example/gateway/releases/4.2.0");
    v.putArray("acknowledgements").add("Chen Zhaojun of Alibaba Cloud Security Team");
    var row = csaf.create(Actor.SYSTEM, body);
    csaf.publish(Actor.SYSTEM, row.id());
  }

  private Release release(Product p, String version, String date, String placed, String status) {
    return releases.create(Actor.SYSTEM, p.id(), ReleaseDraft.of(version, date, placed, status));
  }

  private static byte[] resource(String path) {
    try (InputStream in = DemoData.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("demo resource missing: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
