package com.mfadesk.intake.pipeline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** guidance-service's answer (CONTRACT.md), passed on to notify-service as it is. */
@Serdeable
public record GuidanceResult(String scenario, double confidence, boolean saysNoAlternate, boolean fixAlreadyTried,
                             @Nullable String followUpOutcome, @Nullable String language,
                             @Nullable List<String> steps, @Nullable List<String> sources) {

    /** Bulk mail (newsletters, lists) is never a support request: no need to ask guidance. */
    static GuidanceResult notSupport() {
        return new GuidanceResult("not-support", 1.0, false, false, null, null, List.of(), List.of());
    }
}
