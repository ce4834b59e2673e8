package com.mfadesk.guidance.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns free text into lower-case, accent-free tokens with {@link #BOUNDARY} markers where a clause ends.
 *
 * <p>Folding accents lets one lexicon entry match "telemóvel" and "telemovel" (users type both); boundaries stop
 * phrases and negation scope at punctuation, so "I didn't lose it, I got a new one" negates only the first clause.
 * English contractions are expanded first so "didn't" yields the negator "not".
 */
public final class Tokenizer {

    public static final String BOUNDARY = "|";

    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02bc`\u00b4]");
    private static final Pattern CANT = Pattern.compile("\\bcan'?t\\b|\\bcannot\\b");
    private static final Pattern WONT = Pattern.compile("\\bwon'?t\\b");
    private static final Pattern NT = Pattern.compile("n't\\b");
    /** Chat spelling drops the apostrophe: "isnt", "didnt", "dont", "havent" negate like "isn't". */
    private static final Pattern BARE_NT = Pattern.compile(
        "\\b(is|are|was|were|do|does|did|has|have|had|could|would|should|must|need)nt\\b");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    public List<String> tokenize(String text) {
        String s = fold(text);
        List<String> tokens = new ArrayList<>(s.length() / 5 + 4);
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                current.append(c);
                continue;
            }
            flush(current, tokens);
            if (isClauseEnd(s, i)) {
                addBoundary(tokens);
            }
        }
        flush(current, tokens);
        return tokens;
    }

    /** Lower case, contractions expanded, diacritics removed. */
    public String fold(String text) {
        String s = text == null ? "" : text.toLowerCase(java.util.Locale.ROOT);
        s = APOSTROPHES.matcher(s).replaceAll("'");
        s = CANT.matcher(s).replaceAll("can not");
        s = WONT.matcher(s).replaceAll("will not");
        s = NT.matcher(s).replaceAll(" not");
        s = BARE_NT.matcher(s).replaceAll("$1 not");
        s = s.replace("\u00df", "ss").replace("\u0153", "oe").replace("\u00e6", "ae");
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }

    /** A dot inside "outlook.com" or "3.12" separates tokens but does not end the clause. */
    private static boolean isClauseEnd(String s, int i) {
        char c = s.charAt(i);
        if (c == '.') {
            return i + 1 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 1));
        }
        return c == '!' || c == '?' || c == ';' || c == ',' || c == ':' || c == '\n' || c == '(' || c == ')';
    }

    private static void flush(StringBuilder current, List<String> tokens) {
        if (current.length() > 0) {
            tokens.add(current.toString());
            current.setLength(0);
        }
    }

    private static void addBoundary(List<String> tokens) {
        if (!tokens.isEmpty() && !BOUNDARY.equals(tokens.get(tokens.size() - 1))) {
            tokens.add(BOUNDARY);
        }
    }
}
