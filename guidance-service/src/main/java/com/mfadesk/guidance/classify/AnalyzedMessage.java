package com.mfadesk.guidance.classify;

import com.mfadesk.guidance.text.Language;

import java.util.List;

/**
 * A message reduced to what the classifier looks at.
 *
 * @param subjectWeight how much the subject counts next to the body: a reply's subject ("RE: phone at home")
 *                      names the old topic of the thread, so it counts less than a fresh one
 * @param text          the cleaned body, after a fresh subject: what the sentence embedder reads
 */
public record AnalyzedMessage(Language language, ConceptHits body, ConceptHits subject, double subjectWeight,
                              List<String> stems, boolean question, String text) {
}
