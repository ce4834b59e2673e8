package com.mfadesk.guidance.classify;

import com.mfadesk.guidance.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConceptLexiconTest {

    private final Tokenizer tokenizer = new Tokenizer();
    private final ConceptLexicon lexicon = ConceptLexicon.parse(List.of(
        "$PHONE = phone*/handy",
        "@PHONE_LOST negatable",
        "lost ~2 $PHONE",
        "$PHONE ~3 stolen",
        "@NOT_RECEIVED",
        "no ~2 code*"));

    private ConceptHits match(String text) {
        return lexicon.match(tokenizer.tokenize(text));
    }

    @Test
    void matchesPrefixesGapsAndFoldedText() {
        assertTrue(match("I LOST my Phone yesterday").has("PHONE_LOST"));
        assertTrue(match("my phone was stolen").has("PHONE_LOST"));
        assertTrue(match("No verification codes today").has("NOT_RECEIVED"));
    }

    @Test
    void negationTurnsAHitIntoANegatedOne() {
        ConceptHits hits = match("I did NOT lose, sorry: I have not lost my phone");
        assertFalse(hits.has("PHONE_LOST"));
        assertTrue(hits.negated().contains("PHONE_LOST"));
        assertTrue(match("the phone was not stolen").negated().contains("PHONE_LOST"));
    }

    @Test
    void negationStopsAtTheClause() {
        assertTrue(match("it wasn't at home, I lost my phone").has("PHONE_LOST"));
    }

    @Test
    void phrasesDoNotCrossClauses() {
        assertFalse(match("I lost. My phone is fine").has("PHONE_LOST"));
    }

    @Test
    void theProductLexiconLoads() {
        assertTrue(ConceptLexicon.fromResource(ClassifierResources.LEXICON).concepts().contains("NO_ALTERNATE"));
    }
}
