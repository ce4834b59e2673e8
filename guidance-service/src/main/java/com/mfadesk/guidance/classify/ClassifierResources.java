package com.mfadesk.guidance.classify;

/** Where the classifier's data lives on the classpath. */
public final class ClassifierResources {

    public static final String LEXICON = "classifier/lexicon.txt";
    public static final String TRAINING = "classifier/training.tsv";

    private ClassifierResources() {
    }
}
