package org.parallax.pipeline;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs per-article work on a pool with a time budget per article, counted from when the article's work starts
 * (not from when it was queued). Work over its budget is cancelled and its thread interrupted; the per-article
 * loops check for that ({@link org.parallax.Interrupts}). A job that ignores the interrupt keeps its thread, so
 * the pool grows by one until that job ends: the rest of the run keeps its parallelism either way.
 */
final class ArticleBudget {
  private static final ThreadLocal<Job<?>> CURRENT = new ThreadLocal<>();
  private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  private final ThreadPoolExecutor pool;
  private final long budgetNanos;
  private final Set<Job<?>> running = ConcurrentHashMap.newKeySet();

  ArticleBudget(ThreadPoolExecutor pool, long budgetMillis) {
    this.pool = pool;
    this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMillis);
  }

  /** Records the stage the current thread's job is in, for the reason given when it is abandoned. */
  static void stage(String stage) {
    Job<?> j = CURRENT.get();
    if (j != null) {
      j.stage = stage;
    }
  }

  /** One article's work. */
  final class Job<T> implements Callable<T> {
    private static final int PENDING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;
    private final Callable<T> work;
    private final AtomicInteger state = new AtomicInteger(PENDING);
    private volatile long startedAt;
    private volatile String stage = "start";
    private Future<T> future;

    private Job(Callable<T> work) {
      this.work = work;
    }

    @Override
    public T call() throws Exception {
      startedAt = System.nanoTime();
      running.add(this);
      CURRENT.set(this);
      try {
        return work.call();
      } finally {
        CURRENT.remove();
        running.remove(this);
        // The waiting thread only sees a job over budget if it polls while the job runs; a job that ran past its
        // budget unseen (it started and ended between two polls) is abandoned here, so the verdict never depends
        // on timing between threads.
        boolean lateUnseen = overBudget(System.nanoTime()) && state.compareAndSet(PENDING, ABANDONED);
        if (!lateUnseen && !state.compareAndSet(PENDING, DONE)) {
          shrink(); // it outlived its budget: hand back the thread added for it
        }
      }
    }

    /** Whether the job's work has ended (or was cancelled). */
    boolean isDone() {
      return future.isDone();
    }

    private boolean overBudget(long now) {
      long s = startedAt;
      return s != 0 && now - s > budgetNanos;
    }

    private void abandon() {
      if (state.compareAndSet(PENDING, ABANDONED)) {
        grow();
        future.cancel(true);
      }
    }
  }

  /** The outcome of one job: its value, or why it has none. */
  record Result<T>(T value, String abandonedIn, Throwable failure) {}

  <T> Job<T> submit(Callable<T> work) {
    Job<T> j = new Job<>(work);
    j.future = pool.submit(j);
    return j;
  }

  /** Waits for a job, abandoning it (and any other running job) once over budget. */
  <T> Result<T> await(Job<T> job) throws InterruptedException {
    while (true) {
      long now = System.nanoTime();
      long wait = MAX_POLL_NANOS;
      for (Job<?> r : running) {
        if (r.overBudget(now)) {
          r.abandon();
        } else if (r.startedAt != 0) {
          wait = Math.min(wait, budgetNanos - (now - r.startedAt) + 1);
        }
      }
      if (job.state.get() == Job.ABANDONED) {
        return new Result<>(null, job.stage, null);
      }
      try {
        T value = job.future.get(Math.max(1, wait), TimeUnit.NANOSECONDS);
        if (job.state.get() == Job.ABANDONED) {
          return new Result<>(null, job.stage, null);
        }
        return new Result<>(value, null, null);
      } catch (TimeoutException e) {
        // poll again: check budgets
      } catch (CancellationException e) {
        return new Result<>(null, job.stage, null);
      } catch (ExecutionException e) {
        if (job.state.get() == Job.ABANDONED) {
          return new Result<>(null, job.stage, null);
        }
        return new Result<>(null, null, e.getCause());
      }
    }
  }

  private synchronized void grow() {
    pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
    pool.setCorePoolSize(pool.getCorePoolSize() + 1);
  }

  private synchronized void shrink() {
    pool.setCorePoolSize(pool.getCorePoolSize() - 1);
    pool.setMaximumPoolSize(pool.getMaximumPoolSize() - 1);
  }
}
