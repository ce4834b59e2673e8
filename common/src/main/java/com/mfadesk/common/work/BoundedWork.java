package com.mfadesk.common.work;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Work handed to an executor by one thread, at most {@code limit} pieces at a time: the handing thread waits for a
 * free slot. One per drain of a queue, used by that drain's thread only.
 */
public final class BoundedWork {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedWork.class);

    private final ExecutorService executor;
    private final int limit;
    private final List<Future<?>> running = new ArrayList<>();

    public BoundedWork(ExecutorService executor, int limit) {
        this.executor = executor;
        this.limit = Math.max(1, limit);
    }

    public void submit(Runnable work) {
        while (running.size() >= limit) {
            running.removeIf(Future::isDone);
            if (running.size() >= limit) {
                await(running.get(0));
            }
        }
        running.add(executor.submit(work));
    }

    public boolean isIdle() {
        running.removeIf(Future::isDone);
        return running.isEmpty();
    }

    public void awaitAll() {
        running.forEach(BoundedWork::await);
        running.clear();
    }

    private static void await(Future<?> work) {
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for work to finish", e);
        } catch (ExecutionException e) {
            // the work handles its own failures; anything that escapes it is a bug worth the stack trace
            LOG.error("work failed", e.getCause());
        }
    }
}
