package com.mfadesk.notify.cases;

import com.mfadesk.common.web.Problems;
import com.mfadesk.notify.outbox.OutboxRepository;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

@Controller("/api/v1/cases")
public class CaseController {

    private final SupportCaseRepository cases;
    private final OutboxRepository outbox;

    public CaseController(SupportCaseRepository cases, OutboxRepository outbox) {
        this.cases = cases;
        this.outbox = outbox;
    }

    @Get("/{caseId}")
    public HttpResponse<?> get(String caseId) {
        return cases.findById(caseId)
                .<HttpResponse<?>>map(c -> HttpResponse.ok(CaseView.of(c, outbox.hasUnsentAnswer(caseId))))
                .orElseGet(() -> Problems.notFound("no case " + caseId));
    }
}
