package com.mfadesk.guidance.evaluation;

import com.mfadesk.guidance.classify.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
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
    static final double FINAL_ACCURACY = 0.96;
    static final double FINAL_MACRO_F1 = 0.96;
    static final int FINAL_UNSAFE = 3;

    private EvaluationReport report;
    /** generalisation-fresh/: 50 more messages written last and never used to tune anything; reported, not gated. */
    private EvaluationReport fresh;
    /** generalisation-round2/: 151 messages in a different style, written before the round-2 changes. */
    private EvaluationReport round2;
    /** generalisation-round2-blind/ and generalisation-round3-blind/: reported; only their unsafe count is gated. */
    private EvaluationReport round2Blind;
    private EvaluationReport round3Blind;
    /** eval/final-blind/: issue 12's second blind set, 240 messages by two writers, scored once after round 2. */
    private EvaluationReport finalBlind;
    /** eval/next-blind/: 260 messages by two writers, scored once after round 3; since then a regression set. */
    private EvaluationReport nextBlind;
    /** eval/later-blind/: 260 messages by two writers, scored once before round 4, whose errors steered it. */
    private EvaluationReport laterBlind;
    /** eval/fourth-blind/: 260 messages by two writers, frozen before round 4, scored once at its end. */
    private EvaluationReport fourthBlind;
    /** eval/fifth-blind/: 260 messages by two writers, frozen before round 5, scored once at its end. */
    private EvaluationReport fifthBlind;
    /** eval/sixth-blind/: 260 messages by two writers, frozen before round 6, scored once at its end. */
    private EvaluationReport sixthBlind;

    @BeforeAll
    void evaluate() throws IOException, URISyntaxException {
        report = score("generalisation");
        fresh = score("generalisation-fresh");
        round2 = score("generalisation-round2");
        round2Blind = score("generalisation-round2-blind");
        round3Blind = score("generalisation-round3-blind");
        finalBlind = score("eval/final-blind");
        nextBlind = score("eval/next-blind");
        laterBlind = score("eval/later-blind");
        fourthBlind = score("eval/fourth-blind");
        fifthBlind = score("eval/fifth-blind");
        sixthBlind = score("eval/sixth-blind");
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
     * Issue 12's second blind set, scored once after round 2 (0.964, unsafe 4) and never tuned on; 0.964 with 3 unsafe
     * after round 5. Unsafe is the issue's sense: a reply where the rules escalate.
     */
    @Test
    void issue12FinalBlindSet() {
        assertFloors(finalBlind, "final blind", FINAL_ACCURACY, FINAL_MACRO_F1, FINAL_UNSAFE);
    }

    /** The next blind set: 0.924 with 10 unsafe when it was scored once after round 3; 0.937 with 4 after round 5. */
    @Test
    void issue12NextBlindSet() {
        assertFloors(nextBlind, "next blind", 0.93, 0.935, 4);
    }

    /**
     * The later blind set steered round 4 (0.963, unsafe 8 when first scored; 0.963, unsafe 1 after round 5): its
     * floors keep the missing-alternate phrasings round 4 learned from it.
     */
    @Test
    void issue12LaterBlindSet() {
        assertFloors(laterBlind, "later blind", 0.96, 0.96, 1);
    }

    /** The fourth blind set: 0.950 with 4 unsafe when scored once after round 4; 0.962 with 1 after round 5. */
    @Test
    void issue12FourthBlindSet() {
        assertFloors(fourthBlind, "fourth blind", 0.96, 0.96, 1);
    }

    /** The fifth blind set: 0.950 with 7 unsafe when scored once after round 5; 0.946 with 3 after round 6. */
    @Test
    void issue12FifthBlindSet() {
        assertFloors(fifthBlind, "fifth blind", 0.94, 0.95, 3);
    }

    /** The sixth blind set's figures when it was scored once (README): floors for the rounds that tune on it. */
    @Test
    void issue12SixthBlindSet() {
        assertFloors(sixthBlind, "sixth blind", 0.925, 0.935, 6);
    }

    private static void assertFloors(EvaluationReport set, String name, double accuracy, double macroF1, int unsafe) {
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
