package com.mfadesk.guidance.evaluation;

import com.mfadesk.vocabulary.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scores the shipped model (trained on {@code training.tsv} and the lexicon only, never on this set) on
 * {@code src/test/resources/generalisation/cases.jsonl}: ~200 messages written independently of the dev corpus and of
 * the training data, in six languages, as a stand-in for the held-out set. Vocabulary is not tuned on these
 * messages; when one fails, the fix has to be a general one (a missing concept or synonym family).
 * {@code generalisation-fresh/cases.jsonl} (50 messages, written after the tuning) is scored too, as the honest
 * figure; only its unsafe count is gated.
 * {@code generalisation-round2/cases.jsonl} (151 messages written before the second tuning round, in a deliberately
 * different style: chat fragments, heavy typos, code-switching, rambling mails with signatures and disclaimers) is
 * gated on no unsafe case and accuracy {@value #MIN_ROUND2_ACCURACY} (baseline before round 2: 0.926).
 * {@code generalisation-round2-blind/} (40 messages written after round 2) and {@code generalisation-round3-blind/}
 * (55 messages, all scenarios, six languages, written before the round-3 changes; baseline 0.943) are reported and
 * gated only on no unsafe case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneralisationTest {

    static final double MIN_ACCURACY = 0.90;
    static final double MIN_ROUND2_ACCURACY = 0.85;

    private EvaluationReport report;
    /** generalisation-fresh/: 50 more messages written last and never used to tune anything; reported, not gated. */
    private EvaluationReport fresh;
    /** generalisation-round2/: 151 messages in a different style, written before the round-2 changes. */
    private EvaluationReport round2;
    /** generalisation-round2-blind/ and generalisation-round3-blind/: reported; only their unsafe count is gated. */
    private EvaluationReport round2Blind;
    private EvaluationReport round3Blind;
    /** Issue 12's blind sets under eval/, each scored once by the evaluation command; their figures are in the README. */
    private final Map<String, EvaluationReport> blindSets = new HashMap<>();

    @BeforeAll
    void evaluate() throws IOException, URISyntaxException {
        report = score("generalisation");
        fresh = score("generalisation-fresh");
        round2 = score("generalisation-round2");
        round2Blind = score("generalisation-round2-blind");
        round3Blind = score("generalisation-round3-blind");
        for (String set : List.of("final", "next", "later", "fourth", "fifth", "sixth", "seventh", "eighth")) {
            blindSets.put(set, score("eval/" + set + "-blind"));
        }
    }

    private EvaluationReport score(String folderName) throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(
            getClass().getClassLoader().getResource(folderName + "/cases.jsonl"), folderName + " set missing").toURI())
            .getParent();
        List<CorpusCase> cases = new CorpusReader().read(folder);
        EvaluationReport result = new CorpusEvaluation(true).evaluate(cases, 0);
        System.out.println("\n=== " + folderName + " (product model, not trained on it) ===");
        System.out.print(result.render());
        return result;
    }

    @Test
    void accuracyOnUnseenMessages() {
        assertTrue(report.accuracy() >= MIN_ACCURACY, "accuracy " + report.accuracy() + " < " + MIN_ACCURACY);
    }

    @Test
    void noUnsafeClassification() {
        assertTrue(report.unsafeResults().isEmpty(), "needing the methods check but classified as "
            + Scenario.Handling.SIMPLY_REPLIED + ": " + report.unsafeResults().stream()
            .map(r -> r.kase().id() + "->" + r.got().scenario().id()).toList());
    }

    @Test
    void noUnsafeClassificationOnTheFreshSet() {
        assertTrue(fresh.unsafeResults().isEmpty(), "fresh set, unsafe: " + fresh.unsafeResults().stream()
            .map(r -> r.kase().id() + "->" + r.got().scenario().id()).toList());
    }

    @Test
    void followUpOutcomes() {
        assertTrue(report.followUpAccuracy() >= 0.85, "follow-up outcome accuracy " + report.followUpAccuracy());
    }

    @Test
    void noUnsafeClassificationOnTheBlindSets() {
        assertTrue(round2Blind.unsafeResults().isEmpty(), "round-2 blind set, unsafe: " + round2Blind.unsafeResults()
            .stream().map(r -> r.kase().id() + "->" + r.got().scenario().id()).toList());
        assertTrue(round3Blind.unsafeResults().isEmpty(), "round-3 blind set, unsafe: " + round3Blind.unsafeResults()
            .stream().map(r -> r.kase().id() + "->" + r.got().scenario().id()).toList());
    }

    /**
     * Floors for issue 12's blind sets: what the model scored on each after the round that last touched it, so a later
     * round cannot quietly give it back. Unsafe is the issue's sense: a reply where the rules escalate. When first
     * scored: final 0.964 (4 unsafe, after round 2), next 0.924 (10, round 3), later 0.963 (8, before round 4),
     * fourth 0.950 (4, round 4), fifth 0.950 (7, round 5), sixth 0.929 (6, round 6), seventh 0.962 (2, no change
     * after round 6), eighth 0.974 (9, round 7, the last untouched set). Round 7 cost the fourth set one borderline
     * message (0.502, read as other: the safe direction).
     */
    @ParameterizedTest(name = "{0} blind set")
    @CsvSource({
        "final,  0.96,  0.96,  3",
        "next,   0.93,  0.935, 4",
        "later,  0.96,  0.96,  1",
        "fourth, 0.955, 0.955, 1",
        "fifth,  0.94,  0.95,  3",
        "sixth,  0.925, 0.935, 6",
        "seventh, 0.96, 0.965, 1",
        "eighth, 0.97,  0.97,  8"})
    void issue12BlindSetKeepsItsFloors(String name, double accuracy, double macroF1, int unsafe) {
        EvaluationReport set = blindSets.get(name);
        assertTrue(set.accuracy() >= accuracy, name + " accuracy " + set.accuracy());
        assertTrue(set.macroF1() >= macroF1, name + " macro-F1 " + set.macroF1());
        assertTrue(set.allUnsafe().size() <= unsafe, name + " unsafe: " + set.allUnsafe().stream()
            .map(r -> r.kase().id() + "->" + r.got().scenario().id()).toList());
    }

    @Test
    void round2AccuracyAndSafety() {
        assertTrue(round2.unsafeResults().isEmpty(), "round-2 set, unsafe: " + round2.unsafeResults().stream()
            .map(r -> r.kase().id() + "->" + r.got().scenario().id()).toList());
        assertTrue(round2.accuracy() >= MIN_ROUND2_ACCURACY,
            "round-2 accuracy " + round2.accuracy() + " < " + MIN_ROUND2_ACCURACY);
    }
}
