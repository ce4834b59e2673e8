package com.mfadesk.common.graph;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;

/**
 * Counts every request that reaches Graph (retries included), by method and status: {@code graph.calls}. Sits
 * innermost, so it sees what Graph saw; network failures count as status 0.
 */
class GraphCallMetrics implements Interceptor {

    private final MeterRegistry registry;

    GraphCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = chain.request().method();
        try {
            Response response = chain.proceed(chain.request());
            count(method, response.code());
            return response;
        } catch (IOException e) {
            count(method, 0);
            throw e;
        }
    }

    private void count(String method, int status) {
        Counter.builder("graph.calls").tag("method", method).tag("status", Integer.toString(status))
                .register(registry).increment();
    }
}
