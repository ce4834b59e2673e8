package com.mfadesk.common.graph;

/**
 * Asked before every request to Graph, retries included; blocks until the request may go, so a service keeps
 * under the limits it is configured with instead of learning them from 429s.
 */
public interface GraphRequestPacer {

    /** @throws InterruptedException when the wait is interrupted; the request is then not sent */
    void awaitTurn(String method, String path) throws InterruptedException;
}
