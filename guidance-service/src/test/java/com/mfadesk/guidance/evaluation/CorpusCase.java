package com.mfadesk.guidance.evaluation;

import com.mfadesk.guidance.classify.FollowUpOutcome;
import com.mfadesk.guidance.classify.Scenario;

/**
 * One labelled message of a corpus, with the text guidance would receive.
 *
 * @param expectedOutcome     for follow-ups: what {@code followUpOutcome} should be (null when neither)
 * @param language            the message's language when the corpus labels it, else null
 * @param expectedNoAlternate expected {@code saysNoAlternate}; null when the corpus does not label it
 * @param expectedFixTried    expected {@code fixAlreadyTried}; null when the corpus does not label it
 */
record CorpusCase(String id, String channel, String subject, String text, boolean followUp,
                  Scenario expected, FollowUpOutcome expectedOutcome, boolean reachesGuidance,
                  String language, Boolean expectedNoAlternate, Boolean expectedFixTried) {

    /** A case of a corpus that does not label the language or the saysNoAlternate / fixAlreadyTried flags. */
    CorpusCase(String id, String channel, String subject, String text, boolean followUp,
               Scenario expected, FollowUpOutcome expectedOutcome, boolean reachesGuidance) {
        this(id, channel, subject, text, followUp, expected, expectedOutcome, reachesGuidance, null, null, null);
    }
}
