package com.mfadesk.guidance.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;

/** In production the service refuses to start without INTERNAL_API_TOKEN rather than run with an API nobody can call. */
@Context
@Requires(env = "prod")
class ProductionTokenCheck {

    ProductionTokenCheck(InternalApiConfiguration configuration, Environment environment) {
        if (!configuration.hasToken()) {
            throw new IllegalStateException("INTERNAL_API_TOKEN is blank: guidance-service will not start in the '"
                + String.join(",", environment.getActiveNames()) + "' environment without it");
        }
    }
}
