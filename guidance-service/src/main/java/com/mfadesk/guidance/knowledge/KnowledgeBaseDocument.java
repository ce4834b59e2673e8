package com.mfadesk.guidance.knowledge;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The shape of {@code knowledge/knowledge-base.json}. */
@Serdeable
public record KnowledgeBaseDocument(List<SourcePage> sources, List<KnowledgeEntry> scenarios) {
}
