package com.mfadesk.guidance.classify;

import com.mfadesk.guidance.text.Language;
import com.mfadesk.guidance.text.LanguageDetector;
import com.mfadesk.guidance.text.MessageCleaner;
import com.mfadesk.guidance.text.Tokenizer;
import org.tartarus.snowball.SnowballStemmer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Cleans, tokenises, detects the language, matches the concept lexicon and stems the rest. */
public final class MessageAnalyzer {

    private static final Pattern REPLY_SUBJECT = Pattern.compile(
        "^\\s*(re|aw|antw|wg|fw|fwd|tr|rv|res|enc|sv)\\s*:", Pattern.CASE_INSENSITIVE);
    private static final double SUBJECT_WEIGHT = 0.5;
    private static final double REPLY_SUBJECT_WEIGHT = 0.2;

    private final Tokenizer tokenizer = new Tokenizer();
    private final LanguageDetector languageDetector = new LanguageDetector();
    private final MessageCleaner cleaner = new MessageCleaner();
    private final ConceptLexicon lexicon;

    public MessageAnalyzer(ConceptLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public AnalyzedMessage analyze(String subject, String text) {
        String body = cleaner.clean(text);
        List<String> bodyTokens = tokenizer.tokenize(body);
        List<String> subjectTokens = tokenizer.tokenize(subject == null ? "" : subject);
        List<String> all = new ArrayList<>(bodyTokens);
        all.addAll(subjectTokens);
        Language language = languageDetector.detect(all);
        boolean replySubject = subject != null && REPLY_SUBJECT.matcher(subject).find();
        String read = subject == null || subject.isBlank() || replySubject ? body : subject.strip() + ".\n" + body;
        return new AnalyzedMessage(language, lexicon.match(bodyTokens), lexicon.match(subjectTokens),
            replySubject ? REPLY_SUBJECT_WEIGHT : SUBJECT_WEIGHT, stems(bodyTokens, language), body.indexOf('?') >= 0,
            read);
    }

    private List<String> stems(List<String> tokens, Language language) {
        SnowballStemmer stemmer = language.newStemmer();
        Set<String> stems = new LinkedHashSet<>();
        for (String token : tokens) {
            if (token.length() < 2 || Tokenizer.BOUNDARY.equals(token) || languageDetector.isMarker(token)
                || (Character.isDigit(token.charAt(0)) && token.length() != 4)) {
                continue;
            }
            stemmer.setCurrent(token);
            stemmer.stem();
            stems.add(stemmer.getCurrent());
        }
        return List.copyOf(stems);
    }
}
