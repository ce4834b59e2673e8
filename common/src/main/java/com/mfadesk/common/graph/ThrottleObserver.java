package com.mfadesk.common.graph;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Reports each 429 to the {@link ThrottleListener}s, so that the rest of the work bound for the same mailbox or
 * channel waits instead of running into the same limit. Sits innermost: it sees every answer, retries included.
 */
class ThrottleObserver implements Interceptor {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private final List<ThrottleListener> listeners;

    ThrottleObserver(List<ThrottleListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() == 429 && !listeners.isEmpty()) {
            Duration wait = retryAfter(response.header("Retry-After"));
            String path = chain.request().url().encodedPath();
            for (ThrottleListener listener : listeners) {
                listener.throttled(chain.request().method(), path, wait);
            }
        }
        return response;
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT_WAIT;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return DEFAULT_WAIT;
            }
        }
    }
}
