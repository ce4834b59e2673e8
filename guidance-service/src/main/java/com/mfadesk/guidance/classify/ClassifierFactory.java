package com.mfadesk.guidance.classify;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the classifier when the application starts ({@link Context}), so the first request does not pay for it
 * and a broken lexicon or training file stops the service before it reports healthy.
 */
@Factory
class ClassifierFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierFactory.class);

    @Context
    ScenarioClassifier scenarioClassifier() {
        long start = System.nanoTime();
        var examples = TrainingSet.fromResources(ClassifierResources.TRAINING);
        ScenarioClassifier classifier = ScenarioClassifier.train(
            ConceptLexicon.fromResource(ClassifierResources.LEXICON), examples, new SentenceEmbedder());
        LOG.info("classifier trained on {} messages in {} ms", examples.size(), (System.nanoTime() - start) / 1_000_000);
        return classifier;
    }
}
