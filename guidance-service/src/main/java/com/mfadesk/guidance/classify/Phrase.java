package com.mfadesk.guidance.classify;

import com.mfadesk.guidance.text.Tokenizer;

import java.util.List;

/**
 * One lexicon phrase: a sequence of token patterns, each a set of alternatives (exact word, or prefix ending in
 * {@code *}), or a gap of up to N tokens ({@code ~N}). Phrases never cross a clause boundary.
 */
record Phrase(String concept, boolean negatable, List<Element> elements, boolean containsNegator) {

    /** @return the index after the match, or -1 */
    int matchAt(List<String> tokens, int start) {
        return match(tokens, 0, start);
    }

    private int match(List<String> tokens, int element, int pos) {
        if (element == elements.size()) {
            return pos;
        }
        Element e = elements.get(element);
        if (e.gap() > 0) {
            for (int skip = 0; skip <= e.gap(); skip++) {
                int p = pos + skip;
                if (skip > 0 && (p - 1 >= tokens.size() || Tokenizer.BOUNDARY.equals(tokens.get(p - 1)))) {
                    return -1;
                }
                int end = match(tokens, element + 1, p);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        if (pos >= tokens.size() || !e.matches(tokens.get(pos))) {
            return -1;
        }
        return match(tokens, element + 1, pos + 1);
    }

    /** Alternatives of one position; {@code gap > 0} marks a gap element. */
    record Element(List<String> exact, List<String> prefixes, int gap) {

        boolean matches(String token) {
            if (Tokenizer.BOUNDARY.equals(token)) {
                return false;
            }
            if (exact.contains(token)) {
                return true;
            }
            for (String prefix : prefixes) {
                if (token.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
