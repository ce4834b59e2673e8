package com.mfadesk.notify.cases;

import com.mfadesk.common.web.Problems;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

@Controller("/api/v1/cases")
public class CaseController {

    private final SupportCaseRepository cases;

    public CaseController(SupportCaseRepository cases) {
        this.cases = cases;
    }

    @Get("/{caseId}")
    public HttpResponse<?> get(String caseId) {
        return cases.findById(caseId)
                .<HttpResponse<?>>map(c -> HttpResponse.ok(CaseView.of(c)))
                .orElseGet(() -> Problems.notFound("no case " + caseId));
    }
}
