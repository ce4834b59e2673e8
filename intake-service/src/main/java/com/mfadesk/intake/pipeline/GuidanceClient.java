package com.mfadesk.intake.pipeline;

import com.mfadesk.common.wire.GuidanceRequest;
import com.mfadesk.common.wire.GuidanceResult;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;

@Client(id = "guidance")
public interface GuidanceClient {

    @Post("/api/v1/guidance")
    GuidanceResult classify(@Body GuidanceRequest request);
}
