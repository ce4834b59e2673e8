package com.mfadesk.guidance.knowledge;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** A scenario as stored: title and steps per language code. */
@Serdeable
public record KnowledgeEntry(String id, Map<String, String> title, Map<String, List<KnowledgeStep>> steps) {
}
