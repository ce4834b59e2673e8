package com.mfadesk.common.graph;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;

/** Lets every {@link GraphRequestPacer} hold a request back until its turn; a batch waits for each request in it. */
class PacingInterceptor implements Interceptor {

    private final List<GraphRequestPacer> pacers;

    PacingInterceptor(List<GraphRequestPacer> pacers) {
        this.pacers = pacers;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        GraphBatchSteps batch = chain.request().tag(GraphBatchSteps.class);
        try {
            for (GraphRequestPacer pacer : pacers) {
                if (batch == null) {
                    pacer.awaitTurn(chain.request().method(), chain.request().url().encodedPath());
                } else {
                    for (String url : batch.urls()) {
                        pacer.awaitTurn("GET", url);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a turn to call Graph");
        }
        return chain.proceed(chain.request());
    }
}
