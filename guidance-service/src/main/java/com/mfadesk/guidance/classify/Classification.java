package com.mfadesk.guidance.classify;

import com.mfadesk.vocabulary.Scenario;
import com.mfadesk.guidance.text.Language;

import java.util.Set;

/**
 * The classifier's verdict on one message.
 *
 * @param confidence      estimated probability that {@code scenario} is right
 * @param saysNoAlternate the user says they have no other method, cannot use it, or see no link to pick one
 * @param followUpOutcome for a follow-up only: did the earlier fix fail or work; null when neither is said
 * @param fixAlreadyTried the user already did the documented fix (a new app password) and it still fails
 * @param outOfReach      the method types the user says they cannot use now
 * @param lostPossible    the phone is more likely left somewhere than lost, but lost is not unlikely enough to say
 *                        nothing: the reply asks the user to answer "lost" if it is
 */
public record Classification(Scenario scenario, double confidence, boolean saysNoAlternate,
                             FollowUpOutcome followUpOutcome, boolean fixAlreadyTried, Language language,
                             Set<MethodType> outOfReach, boolean lostPossible) {
}
