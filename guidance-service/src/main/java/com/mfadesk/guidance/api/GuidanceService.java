package com.mfadesk.guidance.api;

import com.mfadesk.guidance.classify.Classification;
import com.mfadesk.guidance.classify.MethodType;
import com.mfadesk.guidance.classify.ScenarioClassifier;
import com.mfadesk.guidance.knowledge.KnowledgeBase;
import com.mfadesk.guidance.knowledge.LocalizedFix;
import jakarta.inject.Singleton;

/** Classifies a message and attaches the documented fix for its scenario. */
@Singleton
public class GuidanceService {

    private final ScenarioClassifier classifier;
    private final KnowledgeBase knowledgeBase;

    public GuidanceService(ScenarioClassifier classifier, KnowledgeBase knowledgeBase) {
        this.classifier = classifier;
        this.knowledgeBase = knowledgeBase;
    }

    public GuidanceResponse guide(GuidanceRequest request) {
        Classification c = classifier.classify(request.subject(), request.text(), request.isFollowUp());
        String language = c.language().code();
        LocalizedFix fix = knowledgeBase.fix(c.scenario(), language);
        return new GuidanceResponse(c.scenario().id(), c.confidence(), c.saysNoAlternate(), c.followUpOutcome(),
            c.fixAlreadyTried(), language, fix.steps(), fix.sources(),
            c.outOfReach().stream().map(MethodType::id).toList(), c.lostPossible());
    }
}
