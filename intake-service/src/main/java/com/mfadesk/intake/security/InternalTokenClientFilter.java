package com.mfadesk.intake.security;

import com.mfadesk.common.web.InternalApiConfiguration;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/** Our calls to guidance-service and notify-service carry the internal token. */
@ClientFilter(serviceId = {"guidance", "notify"})
public class InternalTokenClientFilter {

    private final InternalApiConfiguration internalApi;

    public InternalTokenClientFilter(InternalApiConfiguration internalApi) {
        this.internalApi = internalApi;
    }

    @RequestFilter
    public void addToken(MutableHttpRequest<?> request) {
        if (internalApi.isSet()) {
            request.bearerAuth(internalApi.apiToken());
        }
    }
}
