package com.mfadesk.intake.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One downstream service (guidance or notify) on WireMock at a dynamic port, answering its one endpoint.
 * {@link #reset()} forgets recorded requests and restores the healthy answer; cases still in flight from an earlier
 * test can reach it later, so tests pick out their own requests by case id or by a marker in the subject.
 */
abstract class DownstreamStub implements AutoCloseable {

    protected final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final String path;

    DownstreamStub(String path) {
        this.path = path;
        server.start();
        reset();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public final void reset() {
        server.resetAll();
        healthy();
    }

    /** The ordinary answer of the service, at the lowest priority so specific stubs win. */
    protected abstract void healthy();

    protected String path() {
        return path;
    }

    /** Every POST to the endpoint whose body contains {@code text} (a case id, a subject marker). */
    public List<LoggedRequest> requestsContaining(String text) {
        return server.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .filter(r -> r.getBodyAsString().contains(text))
                .toList();
    }

    public List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
