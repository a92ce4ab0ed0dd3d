package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class AsyncTest {
  @Test
  void workRunsOnAThreadOfItsOwnAndItsFailureIsRethrownAsThrown() {
    var caller = Thread.currentThread().getName();
    assertThat(Async.await(Async.start("craft-test", () -> Thread.currentThread().getName())))
        .isEqualTo("craft-test")
        .isNotEqualTo(caller);
    var failing =
        Async.<String>start(
            "craft-test-failing",
            () -> {
              throw new InvalidInputException("bad input");
            });
    assertThatThrownBy(() -> Async.await(failing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("bad input");
  }
}
