package com.mfadesk.intake.support;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** notify-service on WireMock: {@code POST /internal/v1/cases} takes a case over with 202. */
public final class NotifyStub extends DownstreamStub {

    public static final String PATH = "/internal/v1/cases";

    public NotifyStub() {
        super(PATH);
    }

    /** Like notify-service, a hand-over without case id, channel, requester or scenario is refused with 400. */
    @Override
    protected void healthy() {
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(20).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":400,\"detail\":\"invalid hand-over\"}")));
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(10)
                .withRequestBody(matchingJsonPath("$.caseId"))
                .withRequestBody(matchingJsonPath("$.channel"))
                .withRequestBody(matchingJsonPath("$.requester"))
                .withRequestBody(matchingJsonPath("$.guidance.scenario"))
                .willReturn(accepted()));
    }

    /** The first hand-over whose body contains {@code marker} fails with 500, the next ones are accepted. */
    public void failsOnceThenAccepts(String marker) {
        String scenario = "notify fails once " + marker;
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withRequestBody(containing(marker))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Internal Server Error\"}"))
                .willSetStateTo("failed once"));
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withRequestBody(containing(marker))
                .inScenario(scenario).whenScenarioStateIs("failed once")
                .willReturn(accepted()));
    }

    /** The hand-overs of one case (its id appears as {@code "caseId":"…"}). */
    public List<LoggedRequest> handoffsOf(String caseId) {
        return requestsContaining("\"caseId\":\"" + caseId + "\"");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"ACCEPTED\"}");
    }
}
