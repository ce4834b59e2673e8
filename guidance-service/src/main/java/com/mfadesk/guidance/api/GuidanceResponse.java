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
 */
@Serdeable
public record GuidanceResponse(String scenario, double confidence, boolean saysNoAlternate,
                               @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable FollowUpOutcome followUpOutcome,
                               boolean fixAlreadyTried, String language, List<String> steps, List<String> sources) {
}
