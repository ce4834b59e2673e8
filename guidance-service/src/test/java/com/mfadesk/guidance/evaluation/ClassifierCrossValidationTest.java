package com.mfadesk.guidance.evaluation;

import com.mfadesk.testsupport.SharedDocuments;
import com.mfadesk.vocabulary.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 5-fold cross-validation over the shared dev corpus (../shared/dev-corpus, or -Dcorpus.dir=…): each fold is
 * classified by a model that never saw it. Skipped when the corpus is not checked out next to the project.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassifierCrossValidationTest {

    private EvaluationReport report;

    @BeforeAll
    void crossValidate() throws IOException {
        Path corpus = Stream.of(System.getProperty("corpus.dir"), "../../shared/dev-corpus", "../shared/dev-corpus")
            .filter(p -> p != null && Files.exists(Path.of(p, "cases.jsonl")))
            .map(Path::of).findFirst().orElse(null);
        SharedDocuments.assumeAvailable(corpus != null, "shared/dev-corpus next to this clone");
        List<CorpusCase> cases = new CorpusReader().read(corpus);
        report = new CorpusEvaluation(true).evaluate(cases, 5);
        System.out.print(report.render());
    }

    @Test
    void meetsTheAccuracyTargets() {
        assertTrue(report.accuracy() >= 0.95, "accuracy " + report.accuracy());
        assertTrue(report.macroF1() >= 0.93, "macro-F1 " + report.macroF1());
    }

    @Test
    void neverAnswersAPhoneMissingMessageWithoutTheMethodsCheck() {
        assertEquals(0, report.unsafe(), "messages needing the methods check classified as "
            + Scenario.Handling.SIMPLY_REPLIED);
    }

    @Test
    void readsFollowUpOutcomes() {
        assertTrue(report.followUpAccuracy() >= 0.8, "follow-up outcome accuracy " + report.followUpAccuracy());
    }
}
