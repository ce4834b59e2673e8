package com.mfadesk.common.web;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;

/**
 * Puts the case id that a calling service sent ({@value #HEADER}) into the logging context of the request, so
 * every log line about one case carries its id in every service.
 */
@ServerFilter("/**")
public class CaseIdLogging {

    public static final String HEADER = "X-MFA-Case-Id";
    public static final String MDC_KEY = "caseId";
    private static final int MAX_LENGTH = 64;

    @RequestFilter
    public void propagate(HttpRequest<?> request, MutablePropagatedContext context) {
        String caseId = request.getHeaders().get(HEADER);
        if (caseId != null && !caseId.isBlank() && caseId.length() <= MAX_LENGTH) {
            context.add(new MdcPropagationContext(Map.of(MDC_KEY, caseId)));
        }
    }
}
