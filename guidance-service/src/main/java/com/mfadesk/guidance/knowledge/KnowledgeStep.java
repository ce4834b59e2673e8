package com.mfadesk.guidance.knowledge;

import io.micronaut.serde.annotation.Serdeable;

/** One step of a fix and the id of the {@link SourcePage} it comes from. */
@Serdeable
public record KnowledgeStep(String text, String source) {
}
