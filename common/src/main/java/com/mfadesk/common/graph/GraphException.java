package com.mfadesk.common.graph;

/**
 * A Graph call that failed after the SDK's own retries. {@code transientFailure} says whether trying again later
 * can succeed (throttling, 5xx, network) or not (404, 403, 400: dead-letter material).
 */
public class GraphException extends RuntimeException {

    private final int status;
    private final boolean transientFailure;

    public GraphException(int status, String message, boolean transientFailure) {
        super(message);
        this.status = status;
        this.transientFailure = transientFailure;
    }

    public int status() {
        return status;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
