package com.mfadesk.guidance.knowledge;

import com.mfadesk.vocabulary.Scenario;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The documented fixes, loaded from {@code knowledge/knowledge-base.json} and checked at start: every scenario of
 * SCENARIOS.md has an English entry and every step cites a known page, so a bad edit fails the deployment rather
 * than a reply.
 */
@Singleton
public class KnowledgeBase {

    static final String RESOURCE = "knowledge/knowledge-base.json";
    public static final String FALLBACK_LANGUAGE = "en";

    private final Map<String, SourcePage> sources;
    private final Map<Scenario, KnowledgeEntry> entries = new EnumMap<>(Scenario.class);

    public KnowledgeBase(ObjectMapper objectMapper) {
        KnowledgeBaseDocument document = read(objectMapper);
        sources = document.sources().stream().collect(Collectors.toMap(SourcePage::id, Function.identity()));
        for (KnowledgeEntry entry : document.scenarios()) {
            Scenario scenario = Scenario.byId(entry.id())
                .orElseThrow(() -> new IllegalStateException("knowledge base: unknown scenario " + entry.id()));
            entry.steps().values().stream().flatMap(List::stream)
                .filter(step -> !sources.containsKey(step.source()))
                .findFirst()
                .ifPresent(step -> {
                    throw new IllegalStateException("knowledge base: " + entry.id() + " cites unknown page " + step.source());
                });
            entries.put(scenario, entry);
        }
        for (Scenario scenario : Scenario.values()) {
            KnowledgeEntry entry = entries.get(scenario);
            if (entry == null || !entry.steps().containsKey(FALLBACK_LANGUAGE)) {
                throw new IllegalStateException("knowledge base: no English entry for " + scenario.id());
            }
        }
    }

    private static KnowledgeBaseDocument read(ObjectMapper objectMapper) {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("knowledge base resource missing: " + RESOURCE);
            }
            return objectMapper.readValue(in, KnowledgeBaseDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fix in {@code language} when the knowledge base has it, in English otherwise. */
    public LocalizedFix fix(Scenario scenario, String language) {
        KnowledgeEntry entry = entries.get(scenario);
        String lang = entry.steps().containsKey(language) ? language : FALLBACK_LANGUAGE;
        List<KnowledgeStep> steps = entry.steps().get(lang);
        Set<String> cited = new LinkedHashSet<>();
        // "label https://…": the reply links the page the fix comes from
        steps.forEach(step -> cited.add(sources.get(step.source()).label() + " " + sources.get(step.source()).url()));
        return new LocalizedFix(lang, entry.title().getOrDefault(lang, entry.title().get(FALLBACK_LANGUAGE)),
            steps.stream().map(KnowledgeStep::text).toList(), List.copyOf(cited));
    }

    public Map<Scenario, KnowledgeEntry> entries() {
        return Map.copyOf(entries);
    }

    public SourcePage source(String id) {
        return sources.get(id);
    }
}
