package com.mfadesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A closed-loop load: n threads calling one operation back to back, warm-up first, then a timed window. */
final class Load {

    interface Operation {
        /** @return whether the call succeeded */
        boolean call(long sequence) throws Exception;
    }

    record Result(long calls, long errors, double seconds, long[] sortedNanos, String firstError) {
        double perSecond() {
            return calls / seconds;
        }

        double p(double percentile) {
            return Report.percentileMs(sortedNanos, sortedNanos.length, percentile);
        }
    }

    private Load() {
    }

    static Result run(int threads, double warmupSeconds, double measureSeconds, Operation operation)
            throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long measureTo = measureFrom + (long) (measureSeconds * 1e9);
        long[][] samples = new long[threads][];
        int[] counts = new int[threads];
        long[] errors = new long[threads];
        String[] firstError = new String[1];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                long now = System.nanoTime();
                while (now < measureTo) {
                    long before = now;
                    boolean ok;
                    try {
                        ok = operation.call(sequence.getAndIncrement());
                    } catch (Exception e) {
                        ok = false;
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = e.toString();
                            }
                        }
                    }
                    now = System.nanoTime();
                    if (before >= measureFrom && now <= measureTo) {
                        if (!ok) {
                            errors[index]++;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = now - before;
                    }
                }
                samples[index] = mine;
                counts[index] = n;
            }, "load-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        long errorCount = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(samples[t], 0, all, at, counts[t]);
            at += counts[t];
            errorCount += errors[t];
        }
        Arrays.sort(all);
        return new Result(total, errorCount, measureSeconds, all, firstError[0]);
    }
}
