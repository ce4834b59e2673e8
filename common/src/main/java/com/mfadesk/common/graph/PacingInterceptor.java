package com.mfadesk.common.graph;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;

/** Lets every {@link GraphRequestPacer} hold a request back until its turn. */
class PacingInterceptor implements Interceptor {

    private final List<GraphRequestPacer> pacers;

    PacingInterceptor(List<GraphRequestPacer> pacers) {
        this.pacers = pacers;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = chain.request().method();
        String path = chain.request().url().encodedPath();
        try {
            for (GraphRequestPacer pacer : pacers) {
                pacer.awaitTurn(method, path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a turn to call Graph");
        }
        return chain.proceed(chain.request());
    }
}
