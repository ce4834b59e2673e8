package com.mfadesk.notify.cases;

import com.mfadesk.common.wire.CaseHandoff;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;

import java.util.Map;

/** Service-to-service: intake-service hands a classified case over (internal token only). */
@Controller("/internal/v1/cases")
public class CaseHandoffController {

    private final CaseIntake intake;

    public CaseHandoffController(CaseIntake intake) {
        this.intake = intake;
    }

    @Post
    public HttpResponse<Map<String, Object>> handOver(@Body @Valid CaseHandoff handoff) {
        boolean created = intake.takeOver(handoff);
        Map<String, Object> body = Map.of("caseId", handoff.caseId(), "created", created);
        return created ? HttpResponse.accepted().body(body) : HttpResponse.ok(body);
    }
}
