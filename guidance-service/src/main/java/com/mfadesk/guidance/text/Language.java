package com.mfadesk.guidance.text;

import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

import java.util.function.Supplier;

/**
 * The languages the classifier understands. The code is what the API reports (ISO 639-1).
 */
public enum Language {
    EN("en", EnglishStemmer::new),
    // German2 also folds "ae"/"oe"/"ue", which matters because tokens reach the stemmer accent-folded
    DE("de", German2Stemmer::new),
    FR("fr", FrenchStemmer::new),
    ES("es", SpanishStemmer::new),
    NL("nl", DutchStemmer::new),
    PT("pt", PortugueseStemmer::new);

    private final String code;
    private final Supplier<SnowballStemmer> stemmerFactory;

    Language(String code, Supplier<SnowballStemmer> stemmerFactory) {
        this.code = code;
        this.stemmerFactory = stemmerFactory;
    }

    public String code() {
        return code;
    }

    /** Snowball stemmers keep state between calls, so every caller gets its own. */
    public SnowballStemmer newStemmer() {
        return stemmerFactory.get();
    }
}
