package com.mfadesk.guidance.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** {@code internal.api-token}, set from INTERNAL_API_TOKEN: the bearer token of every internal call. */
@ConfigurationProperties("internal")
public record InternalApiConfiguration(@Nullable String apiToken) {

    public boolean hasToken() {
        return apiToken != null && !apiToken.isBlank();
    }
}
