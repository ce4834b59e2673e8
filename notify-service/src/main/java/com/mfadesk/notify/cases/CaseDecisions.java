package com.mfadesk.notify.cases;

import com.mfadesk.notify.outbox.OutboxEntry;
import com.mfadesk.notify.outbox.OutboxHandler;
import com.mfadesk.notify.outbox.OutboxKind;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides a case: the DECIDE outbox entry. Graph is called here, outside any transaction. */
@Singleton
public class CaseDecisions implements OutboxHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CaseDecisions.class);

    private final SupportCaseRepository cases;
    private final ActionRules rules;
    private final DecisionRecorder recorder;

    public CaseDecisions(SupportCaseRepository cases, ActionRules rules, DecisionRecorder recorder) {
        this.cases = cases;
        this.rules = rules;
        this.recorder = recorder;
    }

    @Override
    public boolean handles(OutboxKind kind) {
        return kind == OutboxKind.DECIDE;
    }

    @Override
    public void handle(OutboxEntry entry) {
        SupportCase supportCase = cases.findById(entry.caseId()).orElse(null);
        if (supportCase == null || !supportCase.isPending()) {
            return;
        }
        Decision decision = rules.decide(supportCase);
        recorder.record(supportCase, decision, entry.id());
        LOG.info("case {} {}: {} {}", supportCase.id(), decision.scenario(), decision.action(),
                decision.reason() == null ? "" : decision.reason());
    }
}
