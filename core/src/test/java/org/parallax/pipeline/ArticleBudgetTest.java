package org.parallax.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parallax.Interrupts;

class ArticleBudgetTest {
  private static ThreadPoolExecutor pool(int n) {
    return new ThreadPoolExecutor(n, n, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "budget-test");
      t.setDaemon(true);
      return t;
    });
  }

  @Test
  void workThatChecksForInterruptsIsAbandonedAndFreesItsThread() {
    ThreadPoolExecutor pool = pool(1);
    ArticleBudget budget = new ArticleBudget(pool, 100);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      ArticleBudget.Job<String> endless = budget.submit(() -> {
        ArticleBudget.stage("quotes");
        while (true) {
          Interrupts.check();
        }
      });
      ArticleBudget.Job<String> next = budget.submit(() -> "done");
      ArticleBudget.Result<String> r = budget.await(endless);
      assertEquals("quotes", r.abandonedIn());
      assertNull(r.value());
      assertEquals("done", budget.await(next).value());
    });
    pool.shutdownNow();
  }

  @Test
  void workThatIgnoresInterruptsKeepsItsThreadButTheOthersStillRun() throws InterruptedException {
    ThreadPoolExecutor pool = pool(1);
    ArticleBudget budget = new ArticleBudget(pool, 100);
    CountDownLatch release = new CountDownLatch(1);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      ArticleBudget.Job<String> stubborn = budget.submit(() -> {
        while (release.getCount() > 0) {
          Thread.onSpinWait(); // never looks at the interrupt flag
        }
        return "late";
      });
      ArticleBudget.Job<String> next = budget.submit(() -> "done");
      assertTrue(budget.await(stubborn).abandonedIn() != null);
      assertEquals("done", budget.await(next).value(), "a thread was added for the stuck one");
      assertEquals(2, pool.getCorePoolSize());
      release.countDown();
    });
    // once the stuck job ends, the pool is back to its size
    for (int i = 0; i < 100 && pool.getCorePoolSize() != 1; i++) {
      Thread.sleep(50);
    }
    assertEquals(1, pool.getCorePoolSize());
    pool.shutdownNow();
  }

  @Test
  void aFailureInOneJobIsItsResultNotTheCallers() throws InterruptedException {
    ThreadPoolExecutor pool = pool(2);
    ArticleBudget budget = new ArticleBudget(pool, 10_000);
    ArticleBudget.Result<String> r = budget.await(budget.submit(() -> {
      throw new StackOverflowError("deep");
    }));
    assertTrue(r.failure() instanceof StackOverflowError, String.valueOf(r.failure()));
    pool.shutdownNow();
  }

  @Test
  void workThatRanPastItsBudgetWhileNobodyWaitedIsStillAbandoned() throws Exception {
    ThreadPoolExecutor pool = pool(1);
    ArticleBudget budget = new ArticleBudget(pool, 20);
    ArticleBudget.Job<String> slow = budget.submit(() -> {
      ArticleBudget.stage("claims");
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(80);
      while (System.nanoTime() < end) {
        Thread.onSpinWait(); // ignores interrupts; nobody polls while it runs anyway
      }
      return "late";
    });
    ArticleBudget.Job<String> marker = budget.submit(() -> "after");
    while (!marker.isDone()) { // wait for both to end without polling the budget
      Thread.sleep(10);
    }
    ArticleBudget.Result<String> r = budget.await(slow);
    assertEquals("claims", r.abandonedIn(), "a verdict that does not depend on when the caller looked");
    assertNull(r.value());
    assertEquals("after", budget.await(marker).value());
    assertEquals(1, pool.getCorePoolSize());
    pool.shutdownNow();
  }
}
