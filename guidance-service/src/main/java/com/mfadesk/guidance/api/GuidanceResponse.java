package com.mfadesk.guidance.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mfadesk.guidance.classify.FollowUpOutcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The contract answer of {@code POST /api/v1/guidance}.
 *
 * @param followUpOutcome always present, {@code null} when the message is no follow-up or says neither
 * @param fixAlreadyTried for {@code app-password}: the user already created a new app password and it still fails
 *                        (notify escalates with FIX_FAILED); false for every other scenario
 * @param language        detected language of the message (en, de, fr, es, nl, pt); {@code steps} are in it when
 *                        the knowledge base has it, in English otherwise
 * @param unavailableMethods the method types the user says they cannot use now ({@code officePhone},
 *                           {@code alternatePhone}, {@code securityKey}, {@code authenticatorApp}, {@code email},
 *                           {@code oathToken}, {@code windowsHello}); notify does not count them as alternates
 * @param lostPossible    the phone is taken as left somewhere, but may be lost: the reply asks the user to say so
 */
@Serdeable
public record GuidanceResponse(String scenario, double confidence, boolean saysNoAlternate,
                               @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable FollowUpOutcome followUpOutcome,
                               boolean fixAlreadyTried, String language, List<String> steps, List<String> sources,
                               @JsonInclude(JsonInclude.Include.ALWAYS) List<String> unavailableMethods,
                               boolean lostPossible) {
}
