package com.mfadesk.guidance.evaluation;

import com.mfadesk.guidance.classify.Classification;
import com.mfadesk.guidance.classify.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Scores of one evaluation run: accuracy, macro-F1, confusion, follow-up outcome accuracy, unsafe errors. */
final class EvaluationReport {

    record Result(CorpusCase kase, Classification got) {
        boolean correct() {
            return kase.followUp() ? got.followUpOutcome() == kase.expectedOutcome() : got.scenario() == kase.expected();
        }

        /** Needs the methods check but classified as a scenario that is simply replied. */
        boolean unsafe() {
            return !kase.followUp() && kase.expected().handling() == Scenario.Handling.NEEDS_METHODS
                && got.scenario().handling() == Scenario.Handling.SIMPLY_REPLIED;
        }
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

    long unsafe() {
        return firsts.stream().filter(Result::unsafe).count();
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
        Map<String, long[]> byLanguage = new java.util.TreeMap<>();
        firsts.stream().filter(r -> r.kase().language() != null).forEach(r -> {
            long[] v = byLanguage.computeIfAbsent(r.kase().language(), k -> new long[2]);
            v[0] += r.correct() ? 1 : 0;
            v[1]++;
        });
        if (!byLanguage.isEmpty()) {
            out.append(String.format("%naccuracy per language:"));
            byLanguage.forEach((lang, v) -> out.append(String.format("  %s %d/%d", lang, v[0], v[1])));
            out.append('\n');
        }
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
        out.append(String.format("%nscenario accuracy %.3f macroF1 %.3f n %d | follow-up outcome %.3f n %d | unsafe %d%n",
            accuracy(), macroF1(), firsts.size(), followUpAccuracy(), followUps.size(), unsafe()));
        return out.toString();
    }

    private static String snippet(CorpusCase c) {
        String t = (c.subject() + " // " + c.text()).replaceAll("\\s+", " ");
        return t.length() > 140 ? t.substring(0, 140) + "…" : t;
    }
}
