package com.mfadesk.intake.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** INTERNAL_API_TOKEN: the bearer token of ingestion calls and of our calls to guidance and notify. */
@ConfigurationProperties("internal")
public record InternalApiConfiguration(@Nullable String apiToken) {

    public boolean isSet() {
        return apiToken != null && !apiToken.isBlank();
    }
}
