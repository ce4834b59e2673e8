package com.mfadesk.guidance.classify;

import com.mfadesk.guidance.text.Language;

/**
 * The classifier's verdict on one message.
 *
 * @param confidence      estimated probability that {@code scenario} is right
 * @param saysNoAlternate the user says they have no other method, cannot use it, or see no link to pick one
 * @param followUpOutcome for a follow-up only: did the earlier fix fail or work; null when neither is said
 * @param fixAlreadyTried the user already did the documented fix (a new app password) and it still fails
 */
public record Classification(Scenario scenario, double confidence, boolean saysNoAlternate,
                             FollowUpOutcome followUpOutcome, boolean fixAlreadyTried, Language language) {
}
