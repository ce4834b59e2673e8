package com.mfadesk.guidance.evaluation;

import com.mfadesk.guidance.classify.Classification;
import com.mfadesk.guidance.classify.ConceptLexicon;
import com.mfadesk.guidance.classify.LabeledExample;
import com.mfadesk.guidance.classify.ScenarioClassifier;
import com.mfadesk.guidance.classify.SentenceEmbedder;
import com.mfadesk.guidance.classify.TrainingSet;
import com.mfadesk.guidance.classify.ClassifierResources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The evaluation command: runs the classifier over a corpus folder and prints accuracy, macro-F1, a confusion
 * matrix and the misclassified cases.
 *
 * <p>With {@code --folds k} (k &ge; 2) it cross-validates: the corpus's first messages are dealt round-robin per
 * scenario into k folds, and each fold is classified by a model trained on the training resource plus the other
 * k-1 folds, so every figure is on text the model did not see. With {@code --folds 0} the product model (training
 * resource only) classifies the whole corpus: the way to score a held-out corpus.
 *
 * <pre>java … CorpusEvaluation ../shared/dev-corpus --folds 5</pre>
 */
public final class CorpusEvaluation {

    private final ConceptLexicon lexicon = ConceptLexicon.fromResource(ClassifierResources.LEXICON);
    private final List<LabeledExample> training = TrainingSet.fromResources(ClassifierResources.TRAINING);
    /** The semantic layer, or null for the lexicon-only ablation. */
    private final SentenceEmbedder embedder;

    CorpusEvaluation(boolean semantic) {
        this.embedder = semantic ? new SentenceEmbedder() : null;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CorpusEvaluation <corpus folder> [--folds k] [--lexicon-only]");
            System.exit(2);
        }
        List<String> options = List.of(args);
        int foldsAt = options.indexOf("--folds");
        int folds = foldsAt > 0 ? Integer.parseInt(args[foldsAt + 1]) : 5;
        CorpusEvaluation evaluation = new CorpusEvaluation(!options.contains("--lexicon-only"));
        List<CorpusCase> cases = new CorpusReader().read(Path.of(args[0]));
        EvaluationReport report = evaluation.evaluate(cases, folds);
        System.out.print(report.render());
        System.out.printf("throughput %.0f messages/s on one thread%n", evaluation.throughput(cases));
    }

    EvaluationReport evaluate(List<CorpusCase> corpus, int folds) {
        List<CorpusCase> cases = corpus.stream().filter(CorpusCase::reachesGuidance).toList();
        EvaluationReport report = new EvaluationReport();
        if (folds < 2) {
            ScenarioClassifier classifier = ScenarioClassifier.train(lexicon, training, embedder);
            cases.forEach(c -> report.add(c, classify(classifier, c)));
            return report;
        }
        Map<CorpusCase, Integer> foldOf = assignFolds(cases.stream().filter(c -> !c.followUp()).toList(), folds);
        for (int fold = 0; fold < folds; fold++) {
            int held = fold;
            List<LabeledExample> examples = new ArrayList<>(training);
            foldOf.forEach((c, f) -> {
                if (f != held) {
                    examples.add(new LabeledExample(c.expected(), c.subject(), c.text()));
                }
            });
            ScenarioClassifier classifier = ScenarioClassifier.train(lexicon, examples, embedder);
            foldOf.forEach((c, f) -> {
                if (f == held) {
                    report.add(c, classify(classifier, c));
                }
            });
            if (fold == 0) {
                // follow-ups are scored on their outcome, which the model does not learn: classify them once
                cases.stream().filter(CorpusCase::followUp).forEach(c -> report.add(c, classify(classifier, c)));
            }
        }
        return report;
    }

    /** Stratified: each scenario's cases are dealt round-robin so every fold sees every scenario. */
    private static Map<CorpusCase, Integer> assignFolds(List<CorpusCase> firsts, int folds) {
        Map<CorpusCase, Integer> foldOf = new java.util.LinkedHashMap<>();
        Map<?, List<CorpusCase>> byScenario = firsts.stream()
            .sorted(Comparator.comparing(CorpusCase::id))
            .collect(Collectors.groupingBy(CorpusCase::expected, java.util.TreeMap::new, Collectors.toList()));
        int next = 0;
        for (List<CorpusCase> group : byScenario.values()) {
            for (CorpusCase c : group) {
                foldOf.put(c, next++ % folds);
            }
        }
        return foldOf;
    }

    private static Classification classify(ScenarioClassifier classifier, CorpusCase c) {
        return classifier.classify(c.subject(), c.text(), c.followUp());
    }

    /** Messages per second through the product model on this thread, after a warm-up. */
    double throughput(List<CorpusCase> cases) {
        ScenarioClassifier classifier = ScenarioClassifier.train(lexicon, training, embedder);
        for (int i = 0; i < 20; i++) {
            cases.forEach(c -> classify(classifier, c));
        }
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < 2_000_000_000L) {
            for (CorpusCase c : cases) {
                classify(classifier, c);
                n++;
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
