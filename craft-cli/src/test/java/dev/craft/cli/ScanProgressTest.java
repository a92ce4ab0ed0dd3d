package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.engine.AdvisoryIndex;
import dev.craft.engine.Matcher;
import dev.craft.engine.ScanComponent;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.OsvReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanProgressTest {
  @TempDir Path tmp;

  private static String resource(String name) {
    try {
      return Path.of(ScanProgressTest.class.getResource("/scan/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aScanDrawnWithProgressFindsExactlyWhatOneWholeScanFinds() {
    var builder = AdvisoryIndex.builder();
    new OsvReader(AdvisoryLimits.DEFAULT).read(Path.of(resource("osv")), builder::add);
    var matcher = new Matcher(builder.build(), KevCatalog.EMPTY, EpssScores.EMPTY);
    var components = new ArrayList<ScanComponent>();
    for (int i = 0; i < 1_234; i++) {
      components.add(
          switch (i % 4) {
            case 0 -> new ScanComponent("pkg:pypi/example-pkg@1." + (i % 3), "", "");
            case 1 ->
                new ScanComponent(
                    "pkg:maven/org.apache.logging.log4j/log4j-core@2.14." + (i % 2), "", "");
            case 2 -> new ScanComponent("", "no-purl-" + i, "1.0");
            default ->
                i % 8 == 3
                    ? new ScanComponent("pkg:pypi/gitonly@1.0", "", "")
                    : new ScanComponent("pkg:npm/unrelated-" + i + "@1.0.0", "", "");
          });
    }
    var text = new StringWriter();
    long[] now = {0};
    var progress = new Progress(new PrintWriter(text), () -> now[0] += Progress.INTERVAL_NANOS, 80);

    Matcher.Result chunked = ScanCommand.scan(matcher, components, progress);
    Matcher.Result whole = matcher.scan(components);

    assertThat(whole.findings()).isNotEmpty();
    assertThat(chunked.findings()).containsExactlyElementsOf(whole.findings());
    assertThat(chunked.withoutPurl()).containsExactlyElementsOf(whole.withoutPurl());
    assertThat(text.toString()).contains("1,234/1,234 components");
  }

  @Test
  void runsWithoutATerminalPrintNoProgressOnStderr() {
    var scan = Cli.run("scan", resource("bom.json"), "--advisories", resource("osv"));
    var index = Cli.run("advisories", "import", resource("osv"), "--index", tmp + "/a.idx");
    var quiet =
        Cli.run("scan", resource("bom.json"), "--advisories", resource("osv"), "--no-progress");
    for (var run : java.util.List.of(scan, index, quiet)) {
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out()).doesNotContain("\r");
    }
  }
}
