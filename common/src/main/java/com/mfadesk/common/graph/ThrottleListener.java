package com.mfadesk.common.graph;

import java.time.Duration;

/** Told of every 429 Graph answers, with how long Graph asked us to wait, before the SDK retries on its own. */
public interface ThrottleListener {

    void throttled(String method, String path, Duration retryAfter);
}
