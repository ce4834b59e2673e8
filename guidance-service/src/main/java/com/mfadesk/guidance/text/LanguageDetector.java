package com.mfadesk.guidance.text;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a message from its function words.
 *
 * <p>Support messages are short, so character n-gram models are overkill: counting marker words, mostly function
 * words plus a few everyday words spelled only in that language ("ich", "je", "ik", "voce", "telemovel"), is reliable
 * enough and costs one hash lookup per token. Words shared by Spanish and Portuguese ("de", "que", "para") are left
 * out on purpose. English wins ties because it is the fallback language of the knowledge base.
 */
public final class LanguageDetector {

    private static final Map<Language, Set<String>> MARKERS = new EnumMap<>(Map.of(
        Language.EN, Set.of("the", "and", "my", "is", "it", "to", "i", "you", "have", "not", "with", "for", "this",
            "can", "when", "what", "how", "on", "at", "get", "from", "me", "do", "am", "are", "was", "any", "but",
            "of", "in", "hi", "thanks", "please", "just", "be", "that", "there", "help", "an"),
        Language.DE, Set.of("ich", "und", "nicht", "ist", "das", "der", "die", "mein", "meine", "mit", "bei", "ein",
            "eine", "auf", "zu", "sie", "wie", "kann", "habe", "bekomme", "mir", "mich", "keine", "kein", "auch",
            "noch", "hallo", "bitte", "danke", "heute", "schon", "wenn", "dem", "den", "es", "wir", "fur", "oder",
            "gruss", "grusse", "aber", "ihr", "ihre", "ihren", "ihrem", "wurde", "werden", "wird", "hab", "sind", "nichts", "trotzdem"),
        Language.FR, Set.of("je", "le", "la", "les", "et", "est", "pas", "mon", "ma", "mes", "un", "une", "du",
            "des", "avec", "pour", "sur", "ne", "vous", "bonjour", "merci", "ai", "suis", "au", "ce", "qui", "plus",
            "depuis", "mais", "comment", "cordialement", "aujourd", "hui", "il", "j", "n", "m", "qu", "recois", "votre",
            "vos", "nous"),
        Language.ES, Set.of("el", "los", "las", "y", "es", "mi", "mis", "con", "por", "pero", "hola", "gracias",
            "tengo", "puedo", "llega", "del", "al", "estoy", "ya", "hoy", "como", "movil", "usted", "saludos", "muy",
            "hay", "esta", "entrar", "codigo", "cuenta", "me", "una", "un", "se", "lo", "cuando", "su", "sus"),
        Language.NL, Set.of("ik", "het", "een", "en", "niet", "mijn", "met", "van", "is", "op", "je", "geen",
            "wel", "maar", "bij", "hoe", "kan", "heb", "hallo", "hoi", "bedankt", "dank", "vandaag", "nog", "ook",
            "jullie", "krijg", "ontvang", "dat", "als", "wat", "groet", "vriendelijke", "telefoon", "inloggen",
            "zijn", "er", "uw", "wordt", "worden", "voor", "deze"),
        Language.PT, Set.of("o", "os", "e", "meu", "minha", "com", "nao", "um", "uma", "do", "da", "no", "na",
            "voce", "voces", "ola", "obrigado", "obrigada", "tenho", "posso", "consigo", "telemovel", "celular",
            "ao", "nos", "mas", "em", "esta", "pede", "hoje", "ja", "conta", "codigo", "entrar", "se", "me",
            "bom", "boa", "dia", "tarde", "como", "sua", "seu", "suas", "seus"))
    );

    public Language detect(List<String> tokens) {
        Map<Language, Integer> scores = new EnumMap<>(Language.class);
        for (String token : tokens) {
            for (Map.Entry<Language, Set<String>> e : MARKERS.entrySet()) {
                if (e.getValue().contains(token)) {
                    scores.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        Language best = Language.EN;
        int bestScore = scores.getOrDefault(Language.EN, 0);
        for (Language language : Language.values()) {
            int score = scores.getOrDefault(language, 0);
            if (score > bestScore) {
                best = language;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Marker words carry little topic, so the classifier leaves them out of its bag of stems; the few content words
     * among them (phone, code) are covered by the concept lexicon anyway.
     */
    public boolean isMarker(String token) {
        for (Set<String> words : MARKERS.values()) {
            if (words.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
