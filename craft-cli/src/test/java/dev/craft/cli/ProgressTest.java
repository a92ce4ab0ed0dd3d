package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final StringWriter text = new StringWriter();
  private long now = 0;

  private Progress progress() {
    return new Progress(new PrintWriter(text), () -> now, 50);
  }

  private void advance(long millis) {
    now += TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void updatesWithinATenthOfASecondAreNotRedrawn() {
    var p = progress();
    p.phase("scan", "components");
    for (int i = 1; i <= 1000; i++) {
      p.update(i, 1000);
      advance(1); // 1,000 updates over one second
    }
    long redraws = text.toString().chars().filter(c -> c == '\r').count();
    assertThat(redraws).isBetween(9L, 11L);
  }

  @Test
  void aNewPhaseDrawsAtOnceAndCloseClearsTheLine() {
    var p = progress();
    p.phase("advisories", "records");
    p.update(1, 0);
    p.phase("indexing", "records");
    p.update(1, 0);
    assertThat(text.toString()).contains("advisories 1 records").contains("indexing 1 records");
    p.close();
    assertThat(text.toString()).endsWith("\r" + " ".repeat(49) + "\r");
  }

  @Test
  void aProgressThatIsOffWritesNothing() {
    var p = Progress.off();
    p.phase("scan", "components");
    p.update(5, 10);
    p.close();
    assertThat(p.enabled()).isFalse();
  }

  @Test
  void aRunWithoutATerminalGetsNoProgressEvenWhenAskedFor() {
    // Surefire's forked JVM has pipes, not a terminal, on stderr.
    assertThat(Progress.stderrIsTerminal()).isFalse();
    var p = Progress.onTerminal(new PrintWriter(text), false);
    p.phase("scan", "components");
    p.update(5, 10);
    p.close();
    assertThat(p.enabled()).isFalse();
    assertThat(text.toString()).isEmpty();
  }
}
