package com.mfadesk.guidance.evaluation;

import com.mfadesk.guidance.classify.FollowUpOutcome;
import com.mfadesk.guidance.classify.Scenario;

/**
 * One labelled message of a corpus, with the text guidance would receive.
 *
 * @param expectedOutcome for follow-ups: what {@code followUpOutcome} should be (null when neither)
 */
record CorpusCase(String id, String channel, String subject, String text, boolean followUp,
                  Scenario expected, FollowUpOutcome expectedOutcome, boolean reachesGuidance) {
}
