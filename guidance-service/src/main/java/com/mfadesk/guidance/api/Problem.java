package com.mfadesk.guidance.api;

import io.micronaut.serde.annotation.Serdeable;

/** An RFC 9457 problem detail, the body of every error answer. */
@Serdeable
public record Problem(String type, String title, int status, String detail) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }
}
