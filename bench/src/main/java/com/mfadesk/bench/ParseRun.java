package com.mfadesk.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Figure 1 (and the 5 MB half of figure 5): {@link ParseBenchmark} under JMH with the GC profiler. */
final class ParseRun {

    static final double TARGET = 0.5;

    private ParseRun() {
    }

    static void run(Report report, Path root) throws Exception {
        String[] inputs = System.getProperty("bench.parse.inputs",
                String.join(",", Mails.CORPUS, Mails.KB2, Mails.KB50, Mails.MB5_ATTACHMENT, Mails.MB5_HTML)).split(",");
        int warmups = Integer.getInteger("bench.parse.warmups", 3);
        int iterations = Integer.getInteger("bench.parse.iterations", 4);
        int seconds = Integer.getInteger("bench.parse.seconds", 2);
        // One JMH run per input, so the two halves of each ratio are measured back to back: in a single run JMH
        // orders by benchmark, and on a shared machine the load minutes later, when the other half runs, can differ.
        List<RunResult> results = new ArrayList<>();
        for (String input : inputs) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(ParseBenchmark.class.getName() + "\\.")
                    .param("input", input)
                    .forks(1)
                    .warmupIterations(warmups).warmupTime(TimeValue.seconds(seconds))
                    .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                    .threads(1)
                    .jvmArgsAppend("-Xms1g", "-Xmx1g", "-Dbench.root=" + root)
                    .addProfiler(GCProfiler.class);
            if (System.getProperty("bench.corpus") != null) {
                options.jvmArgsAppend("-Dbench.corpus=" + System.getProperty("bench.corpus"));
            }
            results.addAll(new Runner(options.build()).run());
        }

        Map<String, double[]> byInput = new HashMap<>(); // input -> {full ops/s, bare ops/s, full B/op, bare B/op}
        for (RunResult result : results) {
            String input = result.getParams().getParam("input");
            boolean full = result.getParams().getBenchmark().endsWith(".full");
            double[] figures = byInput.computeIfAbsent(input, k -> new double[4]);
            figures[full ? 0 : 1] = result.getPrimaryResult().getScore();
            figures[full ? 2 : 3] = allocationPerOp(result);
        }
        System.out.println();
        System.out.println("== 1. Intake parsing: EmailParser.parse vs. a bare Jakarta Mail parse of the same bytes");
        for (String input : inputs) {
            double[] f = byInput.get(input);
            if (f == null) {
                continue;
            }
            List<byte[]> mails = Mails.input(input, root);
            double avgBytes = mails.stream().mapToInt(m -> m.length).average().orElse(0);
            String what = input.equals(Mails.CORPUS) ? "dev corpus (" + mails.size() + " mails, avg "
                    + Report.bytes(avgBytes) + ")" : input + " (" + Report.bytes(avgBytes) + ")";
            report.atLeast("parse " + what + ": msgs/s, MB/s",
                    Report.f0(f[0]) + "/s, " + Report.f1(f[0] * avgBytes / 1e6) + " MB/s",
                    "bare parse " + Report.f0(f[1]) + "/s, " + Report.f1(f[1] * avgBytes / 1e6) + " MB/s",
                    f[0] / f[1], TARGET);
            report.info("heap allocated per message, " + input,
                    Report.bytes(f[2]) + " (" + Report.f1(f[2] / avgBytes) + "× the mail; bare parse "
                            + Report.bytes(f[3]) + ")");
        }
    }

    private static double allocationPerOp(RunResult result) {
        for (Map.Entry<String, Result> e : result.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }
}
