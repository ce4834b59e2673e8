package com.mfadesk.common.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** INTERNAL_API_TOKEN: the bearer token of ingestion and service-to-service calls. */
@ConfigurationProperties("internal")
public record InternalApiConfiguration(@Nullable String apiToken) {

    public boolean isSet() {
        return apiToken != null && !apiToken.isBlank();
    }
}
