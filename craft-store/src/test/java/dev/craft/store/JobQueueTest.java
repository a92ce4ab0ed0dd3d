package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JobQueueTest {
  static Database db;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void concurrentWorkersNeverClaimTheSameJob() throws Exception {
    var queue = new JobQueue(db.jdbi(), Duration.ofMinutes(5));
    for (int i = 0; i < 60; i++) {
      queue.enqueue("concurrency", "{\"n\":" + i + "}", Instant.now().minusSeconds(1));
    }
    List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      String name = "worker-" + w;
      workers.add(
          pool.submit(
              () -> {
                while (true) {
                  var job = queue.claim(name, "concurrency");
                  if (job.isEmpty()) {
                    return;
                  }
                  claimed.add(job.get().id());
                  queue.complete(job.get().id());
                }
              }));
    }
    for (Future<?> f : workers) {
      f.get();
    }
    pool.shutdown();
    assertThat(claimed).hasSize(60);
    assertThat(new HashSet<>(claimed)).hasSize(60);
  }

  @Test
  void aFailedJobIsRetriedThenGivenUp() {
    var queue = new JobQueue(db.jdbi(), Duration.ofMinutes(5));
    long id = queue.enqueue("flaky", "{}", Instant.now().minusSeconds(1));
    var first = queue.claim("w", "flaky").orElseThrow();
    queue.fail(first.id(), "boom", 2, Duration.ZERO);
    assertThat(queue.state(id)).isEqualTo("queued");
    var second = queue.claim("w", "flaky").orElseThrow();
    assertThat(second.attempts()).isEqualTo(2);
    queue.fail(second.id(), "boom again", 2, Duration.ZERO);
    assertThat(queue.state(id)).isEqualTo("failed");
    assertThat(queue.claim("w", "flaky")).isEmpty();
  }

  @Test
  void aJobIsNotClaimedBeforeItsTimeNorByOtherKinds() {
    var queue = new JobQueue(db.jdbi(), Duration.ofMinutes(5));
    queue.enqueue("later", "{}", Instant.now().plusSeconds(3600));
    assertThat(queue.claim("w", "later")).isEmpty();
    queue.enqueue("mine", "{}", Instant.now().minusSeconds(1));
    assertThat(queue.claim("w", "other")).isEmpty();
    assertThat(queue.claim("w", "mine")).isPresent();
  }

  @Test
  void aJobWhoseLeaseRanOutIsClaimableAgain() {
    var queue = new JobQueue(db.jdbi(), Duration.ZERO);
    long id = queue.enqueue("lease", "{}", Instant.now().minusSeconds(1));
    assertThat(queue.claim("dead-worker", "lease")).isPresent();
    var again = queue.claim("live-worker", "lease");
    assertThat(again).isPresent();
    assertThat(again.get().id()).isEqualTo(id);
  }
}
