package com.mfadesk.intake.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Microsoft Graph on WireMock, as far as Teams and Graph mail intake use it: the token endpoint, subscriptions
 * (created and renewed like Graph does, echoing what was asked), the messages behind notifications, the listings
 * catch-up reads, and the support mailbox's mail ({@code $value}) and Inbox delta.
 *
 * <p>Resources are given as Graph writes them in a notification ({@code teams('T1')/channels('C1')/messages('M')},
 * {@code …/messages('P')/replies('R')}, {@code chats('19:x@unq.gbl.spaces')/messages('M')}); the SDK asks for them as
 * paths under {@code /v1.0}, with ':' and '@' in ids possibly percent-encoded: both forms match. A message nobody
 * told the stub about is answered 404, like a deleted one.
 */
public final class GraphTeamsStub implements AutoCloseable {

    public static final String TENANT_ID = "c0c0c0c0-1111-4222-8333-444444444444";
    public static final String APP_ID = "a1b2c3d4-0000-4000-8000-000000000b07";
    public static final String ACCESS_TOKEN = "graph-test-access-token";
    public static final String SUBSCRIPTIONS = "/v1.0/subscriptions";
    private static final String TOKEN_PATH = "/" + TENANT_ID + "/oauth2/v2.0/token";
    private static final String RESPONSE_TEMPLATE = "response-template";

    private static final String KEY = "(?:\\('([^']+)'\\)|/([^/()']+))";
    private static final Pattern CHANNEL = Pattern.compile(
            "^/?teams" + KEY + "/channels" + KEY + "/messages" + KEY + "(?:/replies" + KEY + ")?/?$");
    private static final Pattern CHAT = Pattern.compile("^/?chats" + KEY + "/messages" + KEY + "/?$");

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    public GraphTeamsStub() {
        server.start();
        reset();
    }

    /** {@code graph.base-url}. */
    public String baseUrl() {
        return server.baseUrl() + "/v1.0";
    }

    /** {@code graph.token-url}. */
    public String tokenUrl() {
        return server.baseUrl() + TOKEN_PATH;
    }

    /** Forgets recorded requests and every stub but Graph's ordinary behaviour. */
    public void reset() {
        server.resetAll();
        healthy();
    }

    private void healthy() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(10).willReturn(json(200,
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + ACCESS_TOKEN + "\"}")));
        subscriptionsAccepted();
        // unknown messages are gone; listings are empty unless a test says otherwise
        server.stubFor(get(urlPathMatching("/v1\\.0/(teams|chats)/.*")).atPriority(50)
                .willReturn(json(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"Message not found\"}}")));
        server.stubFor(get(urlPathMatching("/v1\\.0/teams/[^/]+/channels/[^/]+/messages")).atPriority(40)
                .willReturn(json(200, "{\"value\":[]}")));
        server.stubFor(get(urlPathMatching("/v1\\.0/teams/[^/]+/channels/[^/]+/messages/[^/]+/replies"))
                .atPriority(40).willReturn(json(200, "{\"value\":[]}")));
        server.stubFor(get(urlPathMatching("/v1\\.0/chats/[^/]+/messages")).atPriority(40)
                .willReturn(json(200, "{\"value\":[]}")));
    }

    /** Graph creates every subscription asked for (201, a fresh id) and renews every one (200). */
    public void subscriptionsAccepted() {
        server.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS)).atPriority(10).willReturn(json(201, """
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
                 "id":"{{randomValue type='UUID'}}",
                 "resource":"{{jsonPath request.body '$.resource'}}",
                 "changeType":"{{jsonPath request.body '$.changeType'}}",
                 "clientState":"{{jsonPath request.body '$.clientState'}}",
                 "notificationUrl":"{{jsonPath request.body '$.notificationUrl'}}",
                 "lifecycleNotificationUrl":"{{jsonPath request.body '$.lifecycleNotificationUrl'}}",
                 "expirationDateTime":"{{jsonPath request.body '$.expirationDateTime'}}"}
                """).withTransformers(RESPONSE_TEMPLATE)));
        server.stubFor(patch(urlPathMatching(SUBSCRIPTIONS + "/[^/]+")).atPriority(10).willReturn(json(200, """
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
                 "id":"{{request.pathSegments.[2]}}",
                 "expirationDateTime":"{{jsonPath request.body '$.expirationDateTime'}}"}
                """).withTransformers(RESPONSE_TEMPLATE)));
    }

    /** {@code GET} on the resource answers the chatMessage JSON. */
    public void servesMessage(String resource, String chatMessageJson) {
        server.stubFor(get(urlPathMatching(pathPattern(resource))).atPriority(5)
                .willReturn(json(200, chatMessageJson)));
    }

    /** The message is gone (deleted, or never visible to the app): 404. */
    public void messageGone(String resource) {
        server.stubFor(get(urlPathMatching(pathPattern(resource))).atPriority(5)
                .willReturn(json(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"Message not found\"}}")));
    }

    /**
     * Graph is unavailable for the first {@code failures} reads of the resource (503, {@code Retry-After: 0} so the
     * SDK's own retries don't sleep), then serves the message.
     */
    public void unavailableThenServes(String resource, int failures, String chatMessageJson) {
        String scenario = "unavailable " + resource;
        for (int i = 0; i < failures; i++) {
            server.stubFor(get(urlPathMatching(pathPattern(resource))).atPriority(5)
                    .inScenario(scenario).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed " + i)
                    .willSetStateTo("failed " + (i + 1))
                    .willReturn(json(503, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"down\"}}")
                            .withHeader("Retry-After", "0")));
        }
        server.stubFor(get(urlPathMatching(pathPattern(resource))).atPriority(5)
                .inScenario(scenario).whenScenarioStateIs("failed " + failures)
                .willReturn(json(200, chatMessageJson)));
    }

    /** The channel's message list (what catch-up reads) holds these root posts, newest first as given. */
    public void listsChannelMessages(String teamId, String channelId, List<String> chatMessagesJson) {
        server.stubFor(get(urlPathMatching("/v1\\.0/teams/" + id(teamId) + "/channels/" + id(channelId)
                + "/messages")).atPriority(5)
                .willReturn(json(200, "{\"value\":[" + String.join(",", chatMessagesJson) + "]}")));
    }

    /** A chat's recent messages, as {@code GET /chats/{id}/messages} lists them. */
    public void listsChatMessages(String chatId, List<String> chatMessagesJson) {
        server.stubFor(get(urlPathMatching("/v1\\.0/chats/" + id(chatId) + "/messages")).atPriority(5)
                .willReturn(json(200, "{\"value\":[" + String.join(",", chatMessagesJson) + "]}")));
    }

    /** The replies of a root post, as {@code GET …/messages/{root}/replies} lists them. */
    public void listsReplies(String teamId, String channelId, String rootId, List<String> chatMessagesJson) {
        server.stubFor(get(urlPathMatching("/v1\\.0/teams/" + id(teamId) + "/channels/" + id(channelId)
                + "/messages/" + id(rootId) + "/replies")).atPriority(5)
                .willReturn(json(200, "{\"value\":[" + String.join(",", chatMessagesJson) + "]}")));
    }

    /** The support mailbox holds a mail with this Graph id: {@code GET …/messages/{id}/$value} answers its MIME. */
    public void mailboxServes(String mailbox, String messageId, byte[] mime) {
        server.stubFor(get(urlPathMatching(valuePath(mailbox, messageId))).atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(mime)));
    }

    /** The mail was moved or deleted: its {@code $value} answers 404. */
    public void mailboxLost(String mailbox, String messageId) {
        server.stubFor(get(urlPathMatching(valuePath(mailbox, messageId))).atPriority(5).willReturn(json(404,
                "{\"error\":{\"code\":\"ErrorItemNotFound\",\"message\":\"The specified object was not found.\"}}")));
    }

    /**
     * One round of the Inbox's delta: asked from {@code fromToken} (null: a first round, without a token), it lists
     * {@code messagesJson} and ends with a deltaLink carrying {@code nextToken}.
     */
    public void inboxDeltaRound(String mailbox, String fromToken, List<String> messagesJson, String nextToken) {
        var request = get(urlPathMatching(deltaPath(mailbox))).atPriority(fromToken == null ? 6 : 5);
        request = fromToken == null ? request.withQueryParam("$deltatoken", absent())
                : request.withQueryParam("$deltatoken", equalTo(fromToken));
        server.stubFor(request.willReturn(json(200, "{\"value\":[" + String.join(",", messagesJson) + "],"
                + "\"@odata.deltaLink\":\"" + baseUrl() + "/users/" + mailbox
                + "/mailFolders('Inbox')/messages/delta()?$deltatoken=" + nextToken + "\"}")));
    }

    /** {@code $value} reads of the mail with this Graph id. */
    public List<LoggedRequest> mailReads(String mailbox, String messageId) {
        return server.findAll(RequestPatternBuilder.newRequestPattern(RequestMethod.GET,
                urlPathMatching(valuePath(mailbox, messageId))));
    }

    public List<LoggedRequest> inboxDeltaReads(String mailbox) {
        return server.findAll(RequestPatternBuilder.newRequestPattern(RequestMethod.GET,
                urlPathMatching(deltaPath(mailbox))));
    }

    private static String valuePath(String mailbox, String messageId) {
        return "/v1\\.0/users/" + id(mailbox) + "/messages/" + id(messageId) + "/" + id("$value");
    }

    private static String deltaPath(String mailbox) {
        // the SDK asks for mailFolders/Inbox; deltaLinks name the folder in key form, mailFolders('Inbox')
        return "/v1\\.0/users/" + id(mailbox) + "/mailFolders(?:/Inbox|" + id("('Inbox')") + ")/messages/"
                + id("delta()");
    }

    /** Graph no longer knows the subscription (expired or removed without notice): PATCH answers 404. */
    public void subscriptionGone(String subscriptionId) {
        server.stubFor(patch(urlPathEqualTo(SUBSCRIPTIONS + "/" + subscriptionId)).atPriority(5)
                .willReturn(json(404, "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The object was not found.\"}}")));
    }

    /** Every request Graph received for the message behind {@code resource}. */
    public List<LoggedRequest> readsOf(String resource) {
        return server.findAll(RequestPatternBuilder.newRequestPattern(RequestMethod.GET,
                urlPathMatching(pathPattern(resource))));
    }

    /** Every GET whose path contains {@code text} (decoded or not). */
    public List<LoggedRequest> getsContaining(String text) {
        return server.findAll(RequestPatternBuilder.newRequestPattern(RequestMethod.GET, urlPathMatching(".*")))
                .stream().filter(r -> r.getUrl().contains(text)
                        || java.net.URLDecoder.decode(r.getUrl(), java.nio.charset.StandardCharsets.UTF_8)
                        .contains(text))
                .toList();
    }

    /** Listings of a channel's root messages ({@code GET …/channels/{c}/messages?$top=…}). */
    public List<LoggedRequest> channelListings(String teamId, String channelId) {
        return server.findAll(RequestPatternBuilder.newRequestPattern(RequestMethod.GET,
                urlPathMatching("/v1\\.0/teams/" + id(teamId) + "/channels/" + id(channelId) + "/messages")));
    }

    public List<LoggedRequest> subscriptionCreations() {
        return server.findAll(RequestPatternBuilder.newRequestPattern(RequestMethod.POST,
                urlPathEqualTo(SUBSCRIPTIONS)));
    }

    public List<LoggedRequest> subscriptionRenewals() {
        return server.findAll(RequestPatternBuilder.newRequestPattern(RequestMethod.PATCH,
                urlPathMatching(SUBSCRIPTIONS + "/[^/]+")));
    }

    public List<LoggedRequest> renewalsOf(String subscriptionId) {
        return server.findAll(RequestPatternBuilder.newRequestPattern(RequestMethod.PATCH,
                urlPathEqualTo(SUBSCRIPTIONS + "/" + subscriptionId)));
    }

    public List<LoggedRequest> tokenRequests() {
        return server.findAll(RequestPatternBuilder.newRequestPattern(RequestMethod.POST, urlPathEqualTo(TOKEN_PATH)));
    }

    /** Every request but the token's: what intake asked Graph. */
    public List<LoggedRequest> graphRequests() {
        return server.findAll(RequestPatternBuilder.newRequestPattern(RequestMethod.ANY, urlPathMatching("/v1\\.0/.*")));
    }

    /**
     * The path regex of a notification resource: {@code /v1.0/teams/T/channels/C/messages/M[/replies/R]} or
     * {@code /v1.0/chats/X/messages/M}.
     */
    public static String pathPattern(String resource) {
        Matcher channel = CHANNEL.matcher(resource);
        if (channel.matches()) {
            String path = "/v1\\.0/teams/" + id(key(channel, 1)) + "/channels/" + id(key(channel, 3))
                    + "/messages/" + id(key(channel, 5));
            String reply = key(channel, 7);
            return reply == null ? path : path + "/replies/" + id(reply);
        }
        Matcher chat = CHAT.matcher(resource);
        if (chat.matches()) {
            return "/v1\\.0/chats/" + id(key(chat, 1)) + "/messages/" + id(key(chat, 3));
        }
        throw new IllegalArgumentException("not a message resource: " + resource);
    }

    /** An id as a regex, each character also matching its percent-encoded form. */
    private static String id(String id) {
        StringBuilder regex = new StringBuilder();
        for (char c : id.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                regex.append(c);
            } else {
                String hex = String.format("%02X", (int) c);
                regex.append("(?:").append(Pattern.quote(String.valueOf(c))).append("|%").append(hex)
                        .append("|%").append(hex.toLowerCase()).append(")");
            }
        }
        return regex.toString();
    }

    private static String key(Matcher matcher, int group) {
        return matcher.group(group) != null ? matcher.group(group) : matcher.group(group + 1);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
