package com.mfadesk.notify.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Microsoft Graph, its token endpoint and a managed identity endpoint on WireMock, with stubs named for what they
 * mean. Paths are matched after URL decoding, the way Graph reads them.
 */
public final class GraphStub implements AutoCloseable {

    public static final String MAILBOX = "support@contoso.com";
    public static final String TOKEN_PATH = "/tenant/oauth2/v2.0/token";
    public static final String IDENTITY_PATH = "/msi/token";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().extensions(new BatchAnswers()));
    private int tokenSerial;

    public GraphStub() {
        server.start();
        reset();
    }

    public String baseUrl() {
        return server.baseUrl() + "/v1.0";
    }

    public String tokenUrl() {
        return server.baseUrl() + TOKEN_PATH;
    }

    /** Forgets every stub and recorded request; tokens are issued again. */
    public void reset() {
        server.resetAll();
        tokenIssued();
    }

    public void tokenIssued() {
        tokenSerial++;
        server.stubFor(post(path(TOKEN_PATH)).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"token-" + tokenSerial + "\"}")));
    }

    /** A user found by UPN, with the given authentication method objects (JSON). */
    public void userHasMethods(String address, String userId, String displayName, String... methods) {
        server.stubFor(get(path("/v1.0/users/" + address)).willReturn(okJson(
                "{\"id\":\"" + userId + "\",\"displayName\":\"" + displayName + "\",\"mail\":\"" + address
                        + "\",\"userPrincipalName\":\"" + address + "\"}")));
        for (String key : new String[] {userId, address}) {
            server.stubFor(get(path("/v1.0/users/" + key + "/authentication/methods"))
                    .willReturn(okJson("{\"value\":[" + String.join(",", methods) + "]}")));
        }
    }

    public void userUnknown(String address) {
        server.stubFor(get(path("/v1.0/users/" + address)).willReturn(graphError(404, "Request_ResourceNotFound")));
        server.stubFor(get(path("/v1.0/users/" + address + "/authentication/methods"))
                .willReturn(graphError(404, "Request_ResourceNotFound")));
        server.stubFor(get(path("/v1.0/users")).willReturn(okJson("{\"value\":[]}")));
    }

    public void mailFound(String internetMessageId, String graphMessageId) {
        server.stubFor(get(path("/v1.0/users/" + MAILBOX + "/messages"))
                .withQueryParam("$filter", WireMock.equalTo("internetMessageId eq '" + internetMessageId + "'"))
                .willReturn(okJson("{\"value\":[{\"id\":\"" + graphMessageId + "\"}]}")));
    }

    public void mailNotFound() {
        server.stubFor(get(path("/v1.0/users/" + MAILBOX + "/messages"))
                .willReturn(okJson("{\"value\":[]}")));
    }

    public void repliesAccepted() {
        server.stubFor(post(pathPattern("/v1.0/users/" + MAILBOX + "/messages/", ".*", "/reply"))
                .willReturn(aResponse().withStatus(202)));
    }

    public void sendMailAccepted() {
        server.stubFor(post(path("/v1.0/users/" + MAILBOX + "/sendMail"))
                .willReturn(aResponse().withStatus(202)));
    }

    public void channelPostsAccepted() {
        server.stubFor(post(urlPathMatching("/v1.0/teams/.*/messages.*"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"1700000000999\"}")));
        server.stubFor(post(urlPathMatching("/v1.0/chats/.*/messages"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"1700000000998\"}")));
    }

    /** Everything a case may need: mail found, replies, sendMail and posts accepted. */
    public void acceptsEverySend(String internetMessageId, String graphMessageId) {
        mailFound(internetMessageId, graphMessageId);
        repliesAccepted();
        sendMailAccepted();
        channelPostsAccepted();
    }

    /** {@code $batch} look-ups find every mail, except those whose Message-ID local parts are given: 429 inside. */
    public void batchFindsMail(String... throttledLocalParts) {
        server.stubFor(post(path("/v1.0/$batch")).willReturn(aResponse().withTransformers(BatchAnswers.NAME)
                .withTransformerParameter("throttled", String.join(",", throttledLocalParts))));
    }

    public List<LoggedRequest> batches() {
        return requests(postRequestedFor(path("/v1.0/$batch")));
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    public List<LoggedRequest> requests(RequestPatternBuilder pattern) {
        return server.findAll(pattern);
    }

    public List<LoggedRequest> replies() {
        return requests(postRequestedFor(urlPathMatching("/v1.0/users/.*/messages/.*/reply")));
    }

    public List<LoggedRequest> replies(String graphMessageId) {
        return requests(postRequestedFor(path(
                "/v1.0/users/" + MAILBOX + "/messages/" + graphMessageId + "/reply")));
    }

    /** Replies to {@code graphMessageId} that Graph answered with {@code status}. */
    public List<LoggedRequest> replies(String graphMessageId, int status) {
        return server.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().contains("/messages/" + graphMessageId + "/reply"))
                .filter(event -> event.getResponse().getStatus() == status)
                .map(com.github.tomakehurst.wiremock.stubbing.ServeEvent::getRequest)
                .toList();
    }

    public List<LoggedRequest> mailsSent() {
        return requests(postRequestedFor(path("/v1.0/users/" + MAILBOX + "/sendMail")));
    }

    public List<LoggedRequest> channelPosts(String teamId, String channelId) {
        return requests(postRequestedFor(path("/v1.0/teams/" + teamId + "/channels/" + channelId
                + "/messages")));
    }

    /** App Service's managed identity endpoint (IDENTITY_ENDPOINT), on the same server. */
    public String identityEndpoint() {
        return server.baseUrl() + IDENTITY_PATH;
    }

    /** The managed identity endpoint issues {@code token}, for an hour, whatever the resource. */
    public void managedIdentityIssues(String token) {
        server.stubFor(get(path(IDENTITY_PATH)).willReturn(okJson("{\"access_token\":\"" + token + "\","
                + "\"expires_on\":\"" + (System.currentTimeMillis() / 1000 + 3600) + "\",\"token_type\":\"Bearer\"}")));
    }

    public List<LoggedRequest> managedIdentityRequests() {
        return requests(WireMock.getRequestedFor(path(IDENTITY_PATH)));
    }

    public List<LoggedRequest> tokenRequests() {
        return requests(postRequestedFor(path(TOKEN_PATH)));
    }

    public List<LoggedRequest> requestsWithToken(String token) {
        return server.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())
                .withHeader("Authorization", matching("Bearer " + token)));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder graphError(int status,
                                                                                             String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"stubbed " + status + "\"}}");
    }

    /**
     * A path as Graph's SDK may send it: it percent-encodes the {@code @} of a UPN in a path segment, WireMock
     * compares the path as sent.
     */
    public static com.github.tomakehurst.wiremock.matching.UrlPathPattern path(String path) {
        return urlPathMatching(literal(path));
    }

    private static com.github.tomakehurst.wiremock.matching.UrlPathPattern pathPattern(String prefix, String regex,
                                                                                       String suffix) {
        return urlPathMatching(literal(prefix) + regex + literal(suffix));
    }

    private static String literal(String text) {
        return java.util.Arrays.stream(text.split("@", -1)).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("(?:@|%40)"));
    }

    @Override
    public void close() {
        server.stop();
    }
}
