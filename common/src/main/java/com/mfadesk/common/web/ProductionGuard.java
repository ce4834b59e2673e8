package com.mfadesk.common.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;

/** In production an unset INTERNAL_API_TOKEN would leave internal endpoints and ingestion open: refuse to start. */
@Context
@Requires(env = "prod")
public class ProductionGuard {

    public ProductionGuard(InternalApiConfiguration internalApi) {
        if (!internalApi.isSet()) {
            throw new ConfigurationException("INTERNAL_API_TOKEN must be set in the prod environment");
        }
    }
}
