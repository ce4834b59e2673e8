package com.mfadesk.guidance.knowledge;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * A scenario as {@code GET /api/v1/scenarios} shows it: English title and steps with their cited page, the pages,
 * and the same fix in every other language the knowledge base has.
 */
@Serdeable
public record ScenarioView(String id, String title, List<CitedStep> steps, List<SourcePage> sources,
                           Map<String, Translation> translations) {

    @Serdeable
    public record CitedStep(String text, String source) {
    }

    @Serdeable
    public record Translation(String title, List<String> steps) {
    }
}
