package com.mfadesk.guidance.api;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;

/** {@code POST /api/v1/guidance}: internal, behind the bearer token (see ApiTokenFilter). */
@Controller("/api/v1/guidance")
class GuidanceController {

    private final GuidanceService guidanceService;

    GuidanceController(GuidanceService guidanceService) {
        this.guidanceService = guidanceService;
    }

    @Post
    GuidanceResponse guide(@Valid @Body GuidanceRequest request) {
        return guidanceService.guide(request);
    }
}
