package com.mfadesk.guidance.knowledge;

import com.mfadesk.vocabulary.Scenario;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The knowledge base, public: it is help content, readable without the internal token. */
@Controller("/api/v1/scenarios")
class ScenarioController {

    private final KnowledgeBase knowledgeBase;

    ScenarioController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @Get
    List<ScenarioView> scenarios() {
        return Arrays.stream(Scenario.values()).map(this::view).toList();
    }

    private ScenarioView view(Scenario scenario) {
        KnowledgeEntry entry = knowledgeBase.entries().get(scenario);
        List<KnowledgeStep> english = entry.steps().get(KnowledgeBase.FALLBACK_LANGUAGE);
        Set<SourcePage> pages = new LinkedHashSet<>();
        english.forEach(step -> pages.add(knowledgeBase.source(step.source())));
        Map<String, ScenarioView.Translation> translations = new TreeMap<>();
        entry.steps().forEach((lang, steps) -> {
            if (!KnowledgeBase.FALLBACK_LANGUAGE.equals(lang)) {
                translations.put(lang, new ScenarioView.Translation(entry.title().get(lang),
                    steps.stream().map(KnowledgeStep::text).toList()));
            }
        });
        return new ScenarioView(scenario.id(), entry.title().get(KnowledgeBase.FALLBACK_LANGUAGE),
            english.stream().map(s -> new ScenarioView.CitedStep(s.text(), knowledgeBase.source(s.source()).label())).toList(),
            List.copyOf(pages), translations);
    }
}
