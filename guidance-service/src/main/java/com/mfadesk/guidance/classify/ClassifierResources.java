package com.mfadesk.guidance.classify;

import java.util.List;

/** Where the classifier's data lives on the classpath. */
public final class ClassifierResources {

    public static final String LEXICON = "classifier/lexicon.txt";
    /**
     * The hand-written messages of the first rounds, then those of five independent writers who never saw the
     * lexicon, the dev corpus or the code ({@code src/test/resources/eval/README.md} says who wrote what and when;
     * b1 was the first round's blind set before it was taught).
     */
    public static final List<String> TRAINING = List.of("classifier/training.tsv", "classifier/writers/w1.jsonl",
        "classifier/writers/w2.jsonl", "classifier/writers/w3.jsonl", "classifier/writers/w4.jsonl",
        "classifier/writers/b1.jsonl");

    private ClassifierResources() {
    }
}
