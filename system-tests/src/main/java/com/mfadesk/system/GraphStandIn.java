package com.mfadesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in for Microsoft Graph and its token endpoint: serves a directory of users with their registered
 * sign-in methods (the dev-corpus {@code users.json} format), finds every mail in the support mailbox, accepts every
 * reply, mail and Teams post, and records all of it so what would have been sent can be shown.
 */
public final class GraphStandIn implements AutoCloseable {

    public static final String TOKEN_PATH = "/tenant/oauth2/v2.0/token";

    private final WireMockServer server;
    private final ObjectMapper json = new ObjectMapper();

    public GraphStandIn(int port, Path directory) throws IOException {
        server = new WireMockServer(options().port(port));
        server.start();
        server.resetAll();
        serveBasics();
        serveDirectory(json.readTree(directory.toFile()));
    }

    public String baseUrl() {
        return server.baseUrl() + "/v1.0";
    }

    public String tokenUrl() {
        return server.baseUrl() + TOKEN_PATH;
    }

    public WireMockServer server() {
        return server;
    }

    /** Every request Graph received, oldest first. */
    public List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    /** The requests that would have sent something to someone: replies, mails and Teams posts. */
    public List<LoggedRequest> outgoing() {
        return requests().stream()
                .filter(r -> r.getMethod().getName().equals("POST"))
                .filter(r -> r.getUrl().contains("/reply") || r.getUrl().contains("/sendMail")
                        || r.getUrl().contains("/messages"))
                .toList();
    }

    private void serveBasics() {
        server.stubFor(post(path(TOKEN_PATH)).willReturn(json(200,
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"stand-in-token\"}")));
        server.stubFor(any(urlPathMatching("/v1.0/.*")).atPriority(10)
                .willReturn(json(404, "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"not found\"}}")));
        server.stubFor(get(urlPathMatching("/v1.0/users")).atPriority(9).willReturn(json(200, "{\"value\":[]}")));
        server.stubFor(get(urlPathMatching("/v1.0/users/[^/]+/messages")).atPriority(5)
                .willReturn(json(200, "{\"value\":[{\"id\":\"AAMkStandIn\"}]}")));
        server.stubFor(post(urlPathMatching("/v1.0/users/[^/]+/messages/[^/]+/reply")).atPriority(5)
                .willReturn(aResponse().withStatus(202)));
        server.stubFor(post(urlPathMatching("/v1.0/users/[^/]+/sendMail")).atPriority(5)
                .willReturn(aResponse().withStatus(202)));
        server.stubFor(post(urlPathMatching("/v1.0/(teams|chats)/.*/messages(/[^/]+/replies)?")).atPriority(5)
                .willReturn(json(201, "{\"id\":\"1700000000000\"}")));
        server.stubFor(post(urlPathMatching("/v1.0/users/[^/]+/authentication/temporaryAccessPassMethods"))
                .atPriority(5).willReturn(json(201, "{\"id\":\"tap\",\"temporaryAccessPass\":\"Stand-In-TAP-123\","
                        + "\"lifetimeInMinutes\":60,\"isUsableOnce\":false,"
                        + "\"startDateTime\":\"2026-01-01T00:00:00Z\"}")));
        server.stubFor(post(urlPathMatching("/v1.0/users/[^/]+/revokeSignInSessions")).atPriority(5)
                .willReturn(json(200, "{\"value\":true}")));
    }

    private void serveDirectory(JsonNode directory) throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = directory.fields(); it.hasNext(); ) {
            JsonNode user = it.next().getValue();
            String id = user.path("id").asText();
            String upn = user.path("userPrincipalName").asText();
            String mail = user.path("mail").asText();
            String profile = json.writeValueAsString(Map.of("id", id, "displayName",
                    user.path("displayName").asText(), "userPrincipalName", upn, "mail", mail));
            server.stubFor(get(path("/v1.0/users/" + upn)).atPriority(3).willReturn(json(200, profile)));
            server.stubFor(get(path("/v1.0/users/" + id)).atPriority(3).willReturn(json(200, profile)));
            server.stubFor(get(path("/v1.0/users")).atPriority(3)
                    .withQueryParam("$filter", WireMock.equalTo("mail eq '" + mail + "'"))
                    .willReturn(json(200, "{\"value\":[" + profile + "]}")));
            server.stubFor(get(path("/v1.0/users/" + id + "/authentication/methods")).atPriority(3)
                    .willReturn(json(200, "{\"value\":" + json.writeValueAsString(user.path("methods")) + "}")));
        }
    }

    /** A path as the Graph SDK sends it: the {@code @} of a UPN may come percent-encoded. */
    public static UrlPathPattern path(String path) {
        return urlPathMatching(Arrays.stream(path.split("@", -1)).map(Pattern::quote)
                .collect(Collectors.joining("(?:@|%40)")));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
