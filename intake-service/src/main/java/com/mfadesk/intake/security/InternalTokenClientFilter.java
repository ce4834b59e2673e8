package com.mfadesk.intake.security;

import com.mfadesk.common.web.InternalApiConfiguration;
import com.mfadesk.common.web.CaseIdLogging;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import org.slf4j.MDC;

/** Our calls to guidance-service and notify-service carry the internal token, and the case id for their logs. */
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
        String caseId = MDC.get(CaseIdLogging.MDC_KEY);
        if (caseId != null) {
            request.header(CaseIdLogging.HEADER, caseId);
        }
    }
}
