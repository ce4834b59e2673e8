package com.mfadesk.intake.pipeline;

import com.mfadesk.common.wire.CaseHandoff;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;

@Client(id = "notify")
public interface NotifyClient {

    @Post("/internal/v1/cases")
    HttpResponse<?> handOver(@Body CaseHandoff handoff);
}
