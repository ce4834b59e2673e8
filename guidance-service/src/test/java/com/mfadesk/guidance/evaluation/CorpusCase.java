package com.mfadesk.guidance.evaluation;

import com.mfadesk.guidance.classify.FollowUpOutcome;
import com.mfadesk.vocabulary.Scenario;

import java.util.Set;

/**
 * One labelled message of a corpus, with the text guidance would receive.
 *
 * @param expectedOutcome     for follow-ups: what {@code followUpOutcome} should be (null when neither)
 * @param language            the message's language when the corpus labels it, else null
 * @param expectedNoAlternate expected {@code saysNoAlternate}; null when the corpus does not label it
 * @param expectedFixTried    expected {@code fixAlreadyTried}; null when the corpus does not label it
 * @param expectedOutOfReach  expected {@code unavailableMethods} (API ids); null when the corpus does not label it
 * @param writer              who wrote the message, when the corpus says
 */
record CorpusCase(String id, String channel, String subject, String text, boolean followUp,
                  Scenario expected, FollowUpOutcome expectedOutcome, boolean reachesGuidance,
                  String language, Boolean expectedNoAlternate, Boolean expectedFixTried,
                  Set<String> expectedOutOfReach, String writer) {

    /** A case of a corpus that does not label the language or the saysNoAlternate / fixAlreadyTried flags. */
    CorpusCase(String id, String channel, String subject, String text, boolean followUp,
               Scenario expected, FollowUpOutcome expectedOutcome, boolean reachesGuidance) {
        this(id, channel, subject, text, followUp, expected, expectedOutcome, reachesGuidance, null, null, null, null,
            null);
    }

    /**
     * SCENARIOS.md's rules would escalate this message whatever methods the user has registered: a lost phone, no
     * documented fix, out of scope, no alternate the user can use, or a fix that failed.
     */
    boolean escalatesAnyway() {
        if (followUp) {
            return expected == Scenario.LOST_PHONE || expectedOutcome == FollowUpOutcome.FIX_FAILED;
        }
        return expected == Scenario.LOST_PHONE || expected.handling() == Scenario.Handling.HELP_DESK
            || (expected.handling() == Scenario.Handling.NEEDS_METHODS && Boolean.TRUE.equals(expectedNoAlternate));
    }
}
