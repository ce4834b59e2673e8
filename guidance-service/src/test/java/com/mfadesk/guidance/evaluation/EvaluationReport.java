package com.mfadesk.guidance.evaluation;

import com.mfadesk.guidance.classify.Classification;
import com.mfadesk.guidance.classify.FollowUpOutcome;
import com.mfadesk.guidance.classify.MethodType;
import com.mfadesk.vocabulary.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Scores of one evaluation run: accuracy, macro-F1, confusion, follow-up outcome accuracy, unsafe errors. */
final class EvaluationReport {

    record Result(CorpusCase kase, Classification got) {
        boolean correct() {
            if (kase.followUp()) {
                return kase.expected() == Scenario.LOST_PHONE && kase.expectedOutcome() == null
                    ? got.scenario() == Scenario.LOST_PHONE : got.followUpOutcome() == kase.expectedOutcome();
            }
            return got.scenario() == kase.expected();
        }

        /**
         * The dangerous direction: the rules would escalate (or at least look the methods up) but the answer is a
         * reply or silence. Rule 5 assumed to find a registered alternate, so only what guidance read can escalate:
         * a lost or help-desk scenario, {@code saysNoAlternate}, or every method the user named as out of reach.
         * A real request classified {@code not-support} is unsafe too: nobody ever reads it.
         */
        boolean unsafe() {
            if (kase.expected().handling() != Scenario.Handling.HELP_DESK && kase.expected() != Scenario.NOT_SUPPORT
                && got.scenario() == Scenario.NOT_SUPPORT
                && got.followUpOutcome() != FollowUpOutcome.RESOLVED) {
                return true;
            }
            if (kase.followUp()) {
                return kase.escalatesAnyway() && got.scenario() != Scenario.LOST_PHONE
                    && got.followUpOutcome() != FollowUpOutcome.FIX_FAILED;
            }
            if (!kase.escalatesAnyway()) {
                return kase.expected().handling() == Scenario.Handling.NEEDS_METHODS
                    && got.scenario().handling() == Scenario.Handling.SIMPLY_REPLIED;
            }
            return replies(got) && !(kase.expectedOutOfReach() != null && !kase.expectedOutOfReach().isEmpty()
                && ids(got).containsAll(kase.expectedOutOfReach()));
        }

        private static boolean replies(Classification c) {
            return c.scenario().handling() == Scenario.Handling.SIMPLY_REPLIED
                || (c.scenario().handling() == Scenario.Handling.NEEDS_METHODS && c.scenario() != Scenario.LOST_PHONE
                && !c.saysNoAlternate());
        }
    }

    static Set<String> ids(Classification c) {
        return c.outOfReach().stream().map(MethodType::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private final List<Result> firsts = new ArrayList<>();
    private final List<Result> followUps = new ArrayList<>();

    void add(CorpusCase kase, Classification got) {
        (kase.followUp() ? followUps : firsts).add(new Result(kase, got));
    }

    double accuracy() {
        return firsts.isEmpty() ? 0 : firsts.stream().filter(Result::correct).count() / (double) firsts.size();
    }

    double followUpAccuracy() {
        return followUps.isEmpty() ? 1 : followUps.stream().filter(Result::correct).count() / (double) followUps.size();
    }

    /** Cases whose labelled saysNoAlternate / fixAlreadyTried flag the classifier got wrong (labelled corpora only). */
    List<Result> flagErrors() {
        List<Result> all = new ArrayList<>(firsts);
        all.addAll(followUps);
        return all.stream().filter(r -> (r.kase().expectedNoAlternate() != null
                && r.kase().expectedNoAlternate() != r.got().saysNoAlternate())
            || (r.kase().expectedFixTried() != null && r.kase().expectedFixTried() != r.got().fixAlreadyTried()))
            .toList();
    }

    List<Result> unsafeResults() {
        return firsts.stream().filter(Result::unsafe).toList();
    }

    List<Result> allUnsafe() {
        return all().stream().filter(Result::unsafe).toList();
    }

    long unsafe() {
        return unsafeResults().size() + followUps.stream().filter(Result::unsafe).count();
    }

    List<Result> all() {
        List<Result> all = new ArrayList<>(firsts);
        all.addAll(followUps);
        return all;
    }

    /**
     * Expected calibration error of the scenario confidence over first messages: |accuracy - mean confidence| per
     * tenth of the confidence range, weighted by the share of messages in it.
     */
    double expectedCalibrationError() {
        int bins = 10;
        double[] conf = new double[bins];
        double[] hits = new double[bins];
        int[] n = new int[bins];
        for (Result r : firsts) {
            int b = Math.min(bins - 1, (int) (r.got().confidence() * bins));
            conf[b] += r.got().confidence();
            hits[b] += r.correct() ? 1 : 0;
            n[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (n[b] > 0) {
                ece += n[b] / (double) firsts.size() * Math.abs(hits[b] / n[b] - conf[b] / n[b]);
            }
        }
        return ece;
    }

    /** saysNoAlternate right, over labelled phone-scenario messages (where notify reads it). */
    double noAlternateAccuracy() {
        List<Result> labelled = firsts.stream().filter(r -> r.kase().expectedNoAlternate() != null
            && r.kase().expected().handling() == Scenario.Handling.NEEDS_METHODS).toList();
        return labelled.isEmpty() ? 1 : labelled.stream()
            .filter(r -> r.kase().expectedNoAlternate() == r.got().saysNoAlternate()).count() / (double) labelled.size();
    }

    /** unavailableMethods exactly right, over labelled phone-scenario messages. */
    double outOfReachAccuracy() {
        List<Result> labelled = outOfReachLabelled();
        return labelled.isEmpty() ? 1 : labelled.stream()
            .filter(r -> r.kase().expectedOutOfReach().equals(ids(r.got()))).count() / (double) labelled.size();
    }

    /** Method-level precision and recall of unavailableMethods. */
    double[] outOfReachPrecisionRecall() {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Result r : outOfReachLabelled()) {
            Set<String> got = ids(r.got());
            Set<String> want = r.kase().expectedOutOfReach();
            tp += got.stream().filter(want::contains).count();
            fp += got.stream().filter(m -> !want.contains(m)).count();
            fn += want.stream().filter(m -> !got.contains(m)).count();
        }
        return new double[] {tp + fp == 0 ? 1 : tp / (double) (tp + fp), tp + fn == 0 ? 1 : tp / (double) (tp + fn)};
    }

    private List<Result> outOfReachLabelled() {
        return firsts.stream().filter(r -> r.kase().expectedOutOfReach() != null
            && r.kase().expected().handling() == Scenario.Handling.NEEDS_METHODS).toList();
    }

    /** The last line of {@link #render()}: what the closing note and the README quote. */
    String summary() {
        double[] pr = outOfReachPrecisionRecall();
        return String.format("scenario accuracy %.3f macroF1 %.3f n %d | follow-up %.3f n %d | unsafe %d | ECE %.3f"
                + " | saysNoAlternate %.3f | unavailableMethods exact %.3f P %.3f R %.3f",
            accuracy(), macroF1(), firsts.size(), followUpAccuracy(), followUps.size(), unsafe(),
            expectedCalibrationError(), noAlternateAccuracy(), outOfReachAccuracy(), pr[0], pr[1]);
    }

    /** Mean F1 over every scenario expected or predicted, as the acceptance harness computes it. */
    double macroF1() {
        Map<Scenario, double[]> f1 = perScenario();
        return f1.values().stream().mapToDouble(v -> v[2]).average().orElse(0);
    }

    /** precision, recall, F1, support per scenario. */
    Map<Scenario, double[]> perScenario() {
        TreeSet<Scenario> labels = new TreeSet<>();
        firsts.forEach(r -> {
            labels.add(r.kase().expected());
            labels.add(r.got().scenario());
        });
        Map<Scenario, double[]> out = new LinkedHashMap<>();
        for (Scenario s : labels) {
            long tp = firsts.stream().filter(r -> r.kase().expected() == s && r.got().scenario() == s).count();
            long fp = firsts.stream().filter(r -> r.kase().expected() != s && r.got().scenario() == s).count();
            long fn = firsts.stream().filter(r -> r.kase().expected() == s && r.got().scenario() != s).count();
            double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
            double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
            out.put(s, new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), tp + fn});
        }
        return out;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        List<Result> wrong = firsts.stream().filter(r -> !r.correct()).toList();
        out.append(String.format("%nmisclassified (%d):%n", wrong.size()));
        for (Result r : wrong) {
            out.append(String.format("  %-6s %-5s expected %-18s got %-18s conf %.3f  %s%n", r.kase().id(),
                r.kase().channel(), r.kase().expected().id(), r.got().scenario().id(), r.got().confidence(),
                snippet(r.kase())));
        }
        List<Result> wrongFollowUps = followUps.stream().filter(r -> !r.correct()).toList();
        out.append(String.format("%nfollow-ups with the wrong outcome (%d):%n", wrongFollowUps.size()));
        for (Result r : wrongFollowUps) {
            out.append(String.format("  %-6s expected %-10s got %-10s  %s%n", r.kase().id(), r.kase().expectedOutcome(),
                r.got().followUpOutcome(), snippet(r.kase())));
        }
        List<Result> flags = flagErrors();
        if (firsts.stream().anyMatch(r -> r.kase().expectedNoAlternate() != null)) {
            out.append(String.format("%nsaysNoAlternate / fixAlreadyTried wrong (%d):%n", flags.size()));
            for (Result r : flags) {
                out.append(String.format("  %-6s noAlternate exp %-5s got %-5s fixTried exp %-5s got %-5s  %s%n",
                    r.kase().id(), r.kase().expectedNoAlternate(), r.got().saysNoAlternate(),
                    r.kase().expectedFixTried(), r.got().fixAlreadyTried(), snippet(r.kase())));
            }
        }
        appendAccuracyBy(out, "language", CorpusCase::language);
        out.append(String.format("%nconfusion matrix (rows expected, columns got):%n"));
        List<Scenario> labels = new ArrayList<>(perScenario().keySet());
        out.append(String.format("%-18s |", "exp \\ got"));
        labels.forEach(s -> out.append(String.format(" %6.6s", s.id())));
        out.append('\n');
        for (Scenario e : labels) {
            out.append(String.format("%-18s |", e.id()));
            for (Scenario g : labels) {
                long n = firsts.stream().filter(r -> r.kase().expected() == e && r.got().scenario() == g).count();
                out.append(String.format(" %6s", n == 0 ? "." : Long.toString(n)));
            }
            out.append('\n');
        }
        out.append(String.format("%nper scenario            P      R     F1  support%n"));
        perScenario().forEach((s, v) -> out.append(
            String.format("  %-18s %6.3f %6.3f %6.3f %5d%n", s.id(), v[0], v[1], v[2], (int) v[3])));
        List<Result> unsafeOnes = all().stream().filter(Result::unsafe).toList();
        out.append(String.format("%nunsafe (%d):%n", unsafeOnes.size()));
        unsafeOnes.forEach(r -> out.append(String.format("  %-8s expected %-18s noAlt %-5s out %s | got %-18s noAlt %-5s"
                + " out %s outcome %s  %s%n", r.kase().id(), r.kase().expected().id(), r.kase().expectedNoAlternate(),
            r.kase().expectedOutOfReach(), r.got().scenario().id(), r.got().saysNoAlternate(), ids(r.got()),
            r.got().followUpOutcome(), snippet(r.kase()))));
        List<Result> methodErrors = outOfReachLabelled().stream()
            .filter(r -> !r.kase().expectedOutOfReach().equals(ids(r.got()))).toList();
        out.append(String.format("%nunavailableMethods wrong (%d):%n", methodErrors.size()));
        methodErrors.forEach(r -> out.append(String.format("  %-8s expected %s got %s  %s%n", r.kase().id(),
            r.kase().expectedOutOfReach(), ids(r.got()), snippet(r.kase()))));
        appendAccuracyBy(out, "writer", CorpusCase::writer);
        out.append('\n').append(summary()).append('\n');
        return out.toString();
    }

    /** "accuracy per language:  de 11/11  en 160/167 …", over first messages whose corpus names the key. */
    private void appendAccuracyBy(StringBuilder out, String name, Function<CorpusCase, String> key) {
        Map<String, long[]> by = new TreeMap<>();
        firsts.stream().filter(r -> key.apply(r.kase()) != null).forEach(r -> {
            long[] v = by.computeIfAbsent(key.apply(r.kase()), k -> new long[2]);
            v[0] += r.correct() ? 1 : 0;
            v[1]++;
        });
        if (!by.isEmpty()) {
            out.append(String.format("%naccuracy per %s:", name));
            by.forEach((k, v) -> out.append(String.format("  %s %d/%d", k, v[0], v[1])));
            out.append('\n');
        }
    }

    private static String snippet(CorpusCase c) {
        String t = (c.subject() + " // " + c.text()).replaceAll("\\s+", " ");
        return t.length() > 140 ? t.substring(0, 140) + "…" : t;
    }
}
