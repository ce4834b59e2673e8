package com.mfadesk.guidance.classify;

import com.mfadesk.guidance.text.Tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-built multilingual lexicon of concepts ("phone lost", "code not arriving", "app password"…) matched on
 * folded tokens.
 *
 * <p>Concepts generalise where a bag of words trained on a few hundred examples cannot: "nicked", "gestohlen" and
 * "roubaram" all become {@code PHONE_LOST}. The file format ({@code classifier/lexicon.txt}) is one
 * {@code @CONCEPT [negatable]} header followed by one phrase per line; {@code $NAME = a/b*} defines a word
 * list used as {@code $NAME} inside phrases. For a negatable concept, a negator in the
 * three tokens before the phrase (same clause) or inside one of its gaps turns the hit into a negated one.
 * Phrases are indexed by their first token (or its first three letters for a prefix) so matching a message costs
 * a few hash lookups per token.
 */
public final class ConceptLexicon {

    private static final Set<String> NEGATORS = Set.of(
        "not", "no", "never", "nothing", "nichts", "rien", "nada", "niets", "dont", "didnt", "doesnt", "cant", "havent", "hasnt", "wasnt", "isnt", "wont", "aint",
        "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals",
        "pas", "jamais", "aucun", "aucune", "ne",
        "nunca", "ni", "nao", "nem", "niet", "geen", "nooit");
    private static final int NEGATION_WINDOW = 3;

    private final Map<String, List<Phrase>> byWord = new HashMap<>();
    private final Map<String, List<Phrase>> byPrefix = new HashMap<>();
    private final Set<String> concepts = new HashSet<>();
    /**
     * Typo tolerance: every long lexicon word (exact, or a prefix used as a word) and each of its one-letter deletions,
     * mapped to the word; a long unknown token whose own deletions hit one word only is read as that word
     * ("pasword", "notifcation", "authenticaor"). Symmetric deletion covers one inserted, dropped, changed or swapped
     * letter; ambiguous keys map to {@code ""} and are not used.
     */
    private final Map<String, String> typoIndex = new HashMap<>();
    private static final int MIN_TYPO_TARGET = 8;
    /** Every word and prefix of the lexicon: a token equal to one, or starting with a prefix, is not a typo. */
    private final Set<String> knownWords = new HashSet<>();
    private static final int MIN_TYPO_TOKEN = 7;

    private ConceptLexicon(List<Phrase> phrases) {
        for (Phrase phrase : phrases) {
            concepts.add(phrase.concept());
            Phrase.Element first = phrase.elements().get(0);
            first.exact().forEach(w -> byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(phrase));
            first.prefixes().forEach(p -> byPrefix.computeIfAbsent(p.substring(0, 3), k -> new ArrayList<>()).add(phrase));
            for (Phrase.Element e : phrase.elements()) {
                e.exact().forEach(this::indexTypoTarget);
                e.prefixes().forEach(this::indexTypoTarget);
                knownWords.addAll(e.exact());
                knownWords.addAll(e.prefixes());
            }
        }
    }

    private void indexTypoTarget(String word) {
        if (word.length() < MIN_TYPO_TARGET) {
            return;
        }
        typoIndex.merge(word, word, (a, b) -> a.equals(b) ? a : "");
        for (int i = 0; i < word.length(); i++) {
            String key = word.substring(0, i) + word.substring(i + 1);
            typoIndex.merge(key, word, (a, b) -> a.equals(b) ? a : "");
        }
    }

    private boolean known(String token) {
        for (int n = 3; n <= token.length(); n++) {
            if (knownWords.contains(token.substring(0, n))) {
                return true;
            }
        }
        return false;
    }

    /** The lexicon word a long, unknown token is a one-edit typo of, else the token itself. */
    String correct(String token) {
        if (token.length() < MIN_TYPO_TOKEN || !Character.isLetter(token.charAt(0)) || known(token)) {
            return token;
        }
        String hit = typoIndex.get(token);
        for (int i = 0; i < token.length(); i++) {
            String target = typoIndex.get(token.substring(0, i) + token.substring(i + 1));
            if (target != null) {
                if (target.isEmpty() || (hit != null && !hit.equals(target))) {
                    return token;
                }
                hit = target;
            }
        }
        return hit == null || hit.isEmpty() || !plausibleTypo(token, hit) ? token : hit;
    }

    /**
     * A dropped, doubled or swapped letter; a changed letter is not accepted, as it mostly turns one real word into
     * another ("intranet" / "internet", "exception" / "exemption").
     */
    private static boolean plausibleTypo(String token, String word) {
        if (token.length() != word.length()) {
            return true;
        }
        int i = 0;
        while (i < token.length() && token.charAt(i) == word.charAt(i)) {
            i++;
        }
        return i + 1 < token.length() && token.charAt(i) == word.charAt(i + 1) && token.charAt(i + 1) == word.charAt(i)
            && token.substring(i + 2).equals(word.substring(i + 2));
    }

    public static ConceptLexicon fromResource(String resource) {
        try (InputStream in = ConceptLexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon resource missing: " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConceptLexicon parse(List<String> lines) {
        Tokenizer tokenizer = new Tokenizer();
        List<Phrase> phrases = new ArrayList<>();
        Map<String, String> macros = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        String concept = null;
        boolean negatable = false;
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("$") && line.contains("=")) {
                String[] def = line.substring(1).split("=", 2);
                macros.put(def[0].strip(), def[1].strip());
                continue;
            }
            if (line.startsWith("@")) {
                String[] head = line.substring(1).split("\\s+");
                concept = head[0];
                negatable = head.length > 1 && "negatable".equals(head[1]);
                continue;
            }
            if (concept == null) {
                throw new IllegalStateException("lexicon line " + lineNo + ": phrase before any @CONCEPT");
            }
            phrases.add(parsePhrase(concept, negatable, expand(line, macros), lineNo, tokenizer));
        }
        return new ConceptLexicon(phrases);
    }

    /** Macros are tried longest name first (reverse order), so $PHONE never eats the start of $PHONES. */
    private static String expand(String line, Map<String, String> macros) {
        String expanded = line;
        for (Map.Entry<String, String> macro : macros.entrySet()) {
            expanded = expanded.replace("$" + macro.getKey(), macro.getValue());
        }
        return expanded;
    }

    private static Phrase parsePhrase(String concept, boolean negatable, String line, int lineNo, Tokenizer tokenizer) {
        List<Phrase.Element> elements = new ArrayList<>();
        boolean containsNegator = false;
        for (String part : line.split("\\s+")) {
            if (part.startsWith("~")) {
                elements.add(new Phrase.Element(List.of(), List.of(), Integer.parseInt(part.substring(1))));
                continue;
            }
            List<String> exact = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            for (String alt : part.split("/")) {
                boolean prefix = alt.endsWith("*");
                String word = tokenizer.fold(prefix ? alt.substring(0, alt.length() - 1) : alt);
                if (prefix && word.length() < 3) {
                    throw new IllegalStateException("lexicon line " + lineNo + ": prefix shorter than 3 letters: " + alt);
                }
                (prefix ? prefixes : exact).add(word);
                containsNegator |= NEGATORS.contains(word);
            }
            elements.add(new Phrase.Element(List.copyOf(exact), List.copyOf(prefixes), 0));
        }
        if (elements.isEmpty() || elements.get(0).gap() > 0 || elements.get(elements.size() - 1).gap() > 0) {
            throw new IllegalStateException("lexicon line " + lineNo + ": a phrase must start and end with a word");
        }
        return new Phrase(concept, negatable, List.copyOf(elements), containsNegator);
    }

    public Set<String> concepts() {
        return Set.copyOf(concepts);
    }

    public ConceptHits match(List<String> rawTokens) {
        List<String> tokens = new ArrayList<>(rawTokens.size());
        for (String token : rawTokens) {
            tokens.add(Tokenizer.BOUNDARY.equals(token) ? token : correct(token));
        }
        Set<String> present = new HashSet<>();
        Set<String> negated = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (Tokenizer.BOUNDARY.equals(token)) {
                continue;
            }
            tryPhrases(byWord.get(token), tokens, i, present, negated);
            if (token.length() >= 3) {
                tryPhrases(byPrefix.get(token.substring(0, 3)), tokens, i, present, negated);
            }
        }
        negated.removeAll(present);
        return new ConceptHits(present, negated);
    }

    private static void tryPhrases(List<Phrase> candidates, List<String> tokens, int start,
                                   Set<String> present, Set<String> negated) {
        if (candidates == null) {
            return;
        }
        for (Phrase phrase : candidates) {
            int end = phrase.matchAt(tokens, start);
            if (end < 0) {
                continue;
            }
            if (phrase.negatable() && isNegated(tokens, start, end, phrase.containsNegator())) {
                negated.add(phrase.concept());
            } else {
                present.add(phrase.concept());
            }
        }
    }

    private static boolean isNegated(List<String> tokens, int start, int end, boolean phraseHasNegator) {
        for (int i = start - 1; i >= Math.max(0, start - NEGATION_WINDOW); i--) {
            String t = tokens.get(i);
            if (Tokenizer.BOUNDARY.equals(t)) {
                break;
            }
            if (NEGATORS.contains(t)) {
                return true;
            }
        }
        if (!phraseHasNegator) {
            for (int i = start + 1; i < end; i++) {
                if (NEGATORS.contains(tokens.get(i))) {
                    return true;
                }
            }
        }
        return false;
    }
}
