package com.mfadesk.common.graph;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A platform's managed identity endpoint on WireMock, App Service's (IDENTITY_ENDPOINT) or a VM's (IMDS): issues a
 * token to anyone, or refuses as it does for an identity it does not know, and tells what it was asked.
 */
final class IdentityEndpointStub implements AutoCloseable {

    static final String APP_SERVICE_PATH = "/msi/token";
    static final String IMDS_PATH = "/metadata/identity/oauth2/token";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    IdentityEndpointStub() {
        server.start();
    }

    String appServiceEndpoint() {
        return server.baseUrl() + APP_SERVICE_PATH;
    }

    String imdsEndpoint() {
        return server.baseUrl() + IMDS_PATH;
    }

    /** App Service's answer (2019-08-01): {@code expires_on} in epoch seconds, as a string, and no expires_in. */
    void appServiceIssues(String token, long expiresOnEpochSecond) {
        server.stubFor(get(urlPathEqualTo(APP_SERVICE_PATH)).willReturn(json(200,
                "{\"access_token\":\"" + token + "\",\"expires_on\":\"" + expiresOnEpochSecond + "\","
                        + "\"resource\":\"https://graph.microsoft.com\",\"token_type\":\"Bearer\","
                        + "\"client_id\":\"5E29463D-71DA-4FE0-8E69-999B57DB23B0\"}")));
    }

    /** IMDS's answer: every number a string, {@code expires_in} and {@code expires_on} both given. */
    void imdsIssues(String token, long expiresIn, long expiresOnEpochSecond) {
        server.stubFor(get(urlPathEqualTo(IMDS_PATH)).willReturn(json(200,
                "{\"access_token\":\"" + token + "\",\"refresh_token\":\"\",\"expires_in\":\"" + expiresIn + "\","
                        + "\"expires_on\":\"" + expiresOnEpochSecond + "\",\"not_before\":\"1506480273\","
                        + "\"resource\":\"https://outlook.office365.com\",\"token_type\":\"Bearer\"}")));
    }

    /** What the endpoint answers for a user-assigned identity that is not assigned to this app or VM. */
    void refuses() {
        server.stubFor(get(urlPathEqualTo(APP_SERVICE_PATH)).willReturn(json(400,
                "{\"statusCode\":400,\"message\":\"Unable to load the proper Managed Identity.\","
                        + "\"correlationId\":\"7b1c4fd7-2b4e-4d4b-9a1c-3f7a0e3c9a11\"}")));
    }

    List<LoggedRequest> appServiceRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(APP_SERVICE_PATH)));
    }

    List<LoggedRequest> imdsRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(IMDS_PATH)));
    }

    /** The Graph stand-in on the same server, for the calls that carry the token. */
    WireMockServer graph() {
        return server;
    }

    String graphBaseUrl() {
        return server.baseUrl() + "/v1.0";
    }

    void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
