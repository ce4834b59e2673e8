package com.mfadesk.intake.support;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * guidance-service on WireMock: {@code POST /api/v1/guidance} answers as CONTRACT.md shows it. Like the real service,
 * a request without {@code channel} or {@code text} is refused with 400.
 */
public final class GuidanceStub extends DownstreamStub {

    public static final String PATH = "/api/v1/guidance";

    public GuidanceStub() {
        super(PATH);
    }

    /** The answer of a classification: exactly the fields CONTRACT.md lists. */
    public static String result(String scenario) {
        return "{\"scenario\":\"" + scenario + "\",\"confidence\":0.87,\"saysNoAlternate\":false,"
                + "\"followUpOutcome\":null,\"language\":\"en\","
                + "\"steps\":[\"Sign in as usual.\",\"Choose Sign in another way.\"],"
                + "\"sources\":[\"Troubleshoot common two-factor verification problems\"]}";
    }

    /** Every valid request is classified {@code no-phone-today}. */
    @Override
    protected void healthy() {
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(20).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":400,\"detail\":\"channel and text are required\"}")));
        server.stubFor(valid(post(urlPathEqualTo(PATH)).atPriority(10)).willReturn(json(result("no-phone-today"))));
    }

    /** Valid requests whose body contains {@code marker} are classified as {@code scenario}. */
    public void classifies(String marker, String scenario) {
        server.stubFor(valid(post(urlPathEqualTo(PATH)).atPriority(5).withRequestBody(containing(marker)))
                .willReturn(json(result(scenario))));
    }

    /** guidance-service is down (503) for messages whose request body contains {@code marker}. */
    public void unavailableFor(String marker) {
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withRequestBody(containing(marker))
                .withName("outage " + marker)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Service Unavailable\"}")));
    }

    /** guidance-service is back: the outage stubs are gone, the healthy answer stays. */
    public void backOnline() {
        server.getStubMappings().stream()
                .filter(m -> m.getName() != null && m.getName().startsWith("outage "))
                .forEach(server::removeStub);
    }

    private static MappingBuilder valid(MappingBuilder request) {
        return request.withRequestBody(matchingJsonPath("$.channel")).withRequestBody(matchingJsonPath("$.text"));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
