package com.mfadesk.common.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

import java.util.List;

/**
 * guidance-service's answer to POST /api/v1/guidance (CONTRACT.md), passed on to notify-service as it is.
 *
 * @param fixAlreadyTried    the user says they already did the documented fix and it still fails
 * @param unavailableMethods method types the user says they cannot use now ({@code officePhone},
 *                           {@code alternatePhone}, {@code securityKey}, {@code authenticatorApp}, {@code email},
 *                           {@code oathToken}, {@code windowsHello}): registered ones of these are no alternate
 * @param lostPossible       the phone may be lost rather than left somewhere: the reply says how to tell us
 */
@Serdeable
public record GuidanceResult(@NotBlank String scenario, double confidence, boolean saysNoAlternate,
                             boolean fixAlreadyTried, @Nullable String followUpOutcome, @Nullable String language,
                             @Nullable List<String> steps, @Nullable List<String> sources,
                             @Nullable List<String> unavailableMethods, boolean lostPossible) {

    /** Bulk mail (newsletters, lists) is never a support request: no need to ask guidance. */
    public static GuidanceResult notSupport() {
        return new GuidanceResult("not-support", 1.0, false, false, null, null, List.of(), List.of(), List.of(),
            false);
    }
}
