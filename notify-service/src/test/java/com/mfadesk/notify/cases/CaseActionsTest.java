package com.mfadesk.notify.cases;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.notify.support.GraphStub;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The action rules of SCENARIOS.md end to end through notify-service's HTTP API, with WireMock as Graph. */
@MicronautTest(transactional = false)
class CaseActionsTest extends NotifyTestBase {

    private static final String MARCUS = "marcus.oyelaran@contoso.com";
    private static final String ADELE = "adele.brennan@contoso.com";

    @Test
    void noPhoneTodayWithAnOfficePhoneIsRepliedOnceInTheThread() {
        String caseId = newCaseId();
        graph.userHasMethods(MARCUS, "u-marcus", "Marcus Oyelaran", Methods.password(),
                Methods.mobile("+1 312 555 0117"), Methods.office("+1 312 555 0142"));
        graph.acceptsEverySend("<m1@contoso.com>", "AAMkReply1");

        handOver(Handoffs.email(caseId, "no-phone-today", MARCUS, "Marcus Oyelaran", true, "<m1@contoso.com>"));

        Map<String, Object> state = awaitDecision(caseId);
        assertEquals("REPLIED", state.get("action"));
        assertEquals("no-phone-today", state.get("scenario"));
        assertNull(state.get("reason"));
        Eventually.await("the reply", () -> graph.replies("AAMkReply1").size() == 1);
        String reply = graph.replies("AAMkReply1").get(0).getBodyAsString();
        assertTrue(reply.contains("office phone ending in 42"), reply);
        assertFalse(reply.contains("555 0142") || reply.contains("5550142"), "phone number masked: " + reply);
        assertTrue(reply.contains(MARCUS), "addressed to the sender: " + reply);
        assertTrue(graph.channelPosts("T1", "C9").stream().noneMatch(r -> r.getBodyAsString().contains(caseId)),
                "no help desk announcement for a reply");
        assertTrue(graph.mailsSent().stream().noneMatch(r -> r.getBodyAsString().contains(caseId)));
    }

    @Test
    void aScenarioOutsideScenariosMdGoesToTheHelpDeskNotToAnAutomaticReply() {
        String caseId = newCaseId();
        graph.userHasMethods(MARCUS, "u-marcus", "Marcus Oyelaran", Methods.password(),
                Methods.mobile("+1 312 555 0117"), Methods.office("+1 312 555 0142"));
        graph.acceptsEverySend("<m-unknown@contoso.com>", "AAMkReplyUnknown");

        handOver(Handoffs.email(caseId, "passkey-trouble", MARCUS, "Marcus Oyelaran", true, "<m-unknown@contoso.com>"));

        Map<String, Object> state = awaitDecision(caseId);
        assertEquals("ESCALATED", state.get("action"));
        assertEquals("NO_DOCUMENTED_FIX", state.get("reason"));
    }

    @Test
    void noPhoneTodayWithOnlyAMobileIsEscalatedAndAnnouncedOnce() {
        String caseId = newCaseId();
        graph.userHasMethods(ADELE, "u-adele", "Adele Brennan", Methods.password(), Methods.mobile("+1 425 555 0101"));
        graph.acceptsEverySend("<m2@contoso.com>", "AAMkReply2");

        handOver(Handoffs.email(caseId, "no-phone-today", ADELE, "Adele Brennan", true, "<m2@contoso.com>"));

        Map<String, Object> state = awaitDecision(caseId);
        assertEquals("ESCALATED", state.get("action"));
        assertEquals("NO_ALTERNATE_METHOD", state.get("reason"));
        String ref = (String) state.get("escalationRef");
        assertTrue(ref.startsWith("HD-"), ref);
        Eventually.await("acknowledgement and announcements", () -> graph.replies("AAMkReply2").size() == 1
                && graph.channelPosts("T1", "C9").size() == 1 && graph.mailsSent().size() == 1);
        assertTrue(graph.replies("AAMkReply2").get(0).getBodyAsString().contains(ref));
        String announcement = graph.channelPosts("T1", "C9").get(0).getBodyAsString();
        assertTrue(announcement.contains(ref) && announcement.contains(caseId), announcement);
        assertTrue(announcement.contains("application/vnd.microsoft.card.adaptive")
                && announcement.contains("Action.OpenUrl") && announcement.contains("/helpdesk/escalations/" + ref),
                "an Adaptive Card with a button to the escalation: " + announcement);
        assertFalse(announcement.contains("555 0101"), "masked: " + announcement);
        LoggedRequest helpdeskMail = graph.mailsSent().get(0);
        assertTrue(helpdeskMail.getBodyAsString().contains("helpdesk@contoso.com"));
    }

    @Test
    void aRegisteredAlternateTheUserSaysTheyCannotUseDoesNotCount() {
        String caseId = handOverFromMarcus("code-not-received", ",\"unavailableMethods\":[\"officePhone\"]", "21");

        Map<String, Object> state = awaitDecision(caseId);
        assertEquals("ESCALATED", state.get("action"), "the office phone is out of reach: no alternate is left");
        assertEquals("NO_ALTERNATE_METHOD", state.get("reason"));
    }

    @Test
    void anAlternateOutOfReachLeavesTheOthersNamedInTheReply() {
        String reply = replyToMarcus("no-phone-today", ",\"unavailableMethods\":[\"securityKey\"]", "27",
                Methods.fido2());
        assertTrue(reply.contains("office phone ending in 42"), reply);
        assertFalse(reply.contains("security key"), "the key the user said is at home is not offered: " + reply);
    }

    @Test
    void theAppOnTheMissingPhoneIsGoneButTheTabletsIsNot() {
        String reply = replyToMarcus("new-phone", ",\"unavailableMethods\":[\"authenticatorApp\"]", "30",
                Methods.authenticator("iPad"), Methods.authenticator("iPhone 13"));
        assertTrue(reply.contains("Authenticator app on your other device"), reply);
    }

    @Test
    void aPhoneThatMayBeLostGetsTheFixAndAWayToSaySo() {
        String reply = replyToMarcus("no-phone-today", ",\"lostPossible\":true", "28");
        assertTrue(reply.contains("lost or stolen") && reply.contains("reply"), reply);
    }

    @Test
    void aPhoneThatIsSurelyAtHomeGetsNoLostLine() {
        assertFalse(replyToMarcus("no-phone-today", "", "29").contains("lost or stolen"));
    }

    /** Hands over Marcus's mail ({@link #handOverFromMarcus}), expects a reply and returns what Graph received. */
    private String replyToMarcus(String scenario, String moreGuidance, String n, String... moreMethods) {
        String caseId = handOverFromMarcus(scenario, moreGuidance, n, moreMethods);
        assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        Eventually.await("the reply", () -> graph.replies("AAMkReply" + n).size() == 1);
        return graph.replies("AAMkReply" + n).get(0).getBodyAsString();
    }

    /** Hands over mail number {@code n} from Marcus, whose mobile and office phone are registered, and more. */
    private String handOverFromMarcus(String scenario, String moreGuidance, String n, String... moreMethods) {
        String caseId = newCaseId();
        String[] methods = new String[2 + moreMethods.length];
        methods[0] = Methods.mobile("+1 312 555 0117");
        methods[1] = Methods.office("+1 312 555 0142");
        System.arraycopy(moreMethods, 0, methods, 2, moreMethods.length);
        graph.userHasMethods(MARCUS, "u-marcus", "Marcus Oyelaran", methods);
        String messageId = "<m" + n + "@contoso.com>";
        graph.acceptsEverySend(messageId, "AAMkReply" + n);
        handOver(Handoffs.email(caseId, null, scenario, MARCUS, "Marcus Oyelaran", true, messageId, false, null,
                moreGuidance));
        return caseId;
    }

    @Test
    void aFollowUpSayingThePhoneIsLostIsALostDeviceEscalation() {
        String first = handOverFromMarcus("no-phone-today", "", "25");
        assertEquals("REPLIED", awaitDecision(first).get("action"));

        String followUp = newCaseId();
        graph.acceptsEverySend("<m26@contoso.com>", "AAMkReply26");
        handOver(Handoffs.email(followUp, first, "lost-phone", MARCUS, "Marcus Oyelaran", true, "<m26@contoso.com>",
                false, "FIX_FAILED"));

        Map<String, Object> state = awaitDecision(followUp);
        assertEquals("ESCALATED", state.get("action"));
        assertEquals("LOST_DEVICE", state.get("reason"));
    }

    @Test
    void throttledReplyIsRetriedAfterRetryAfterAndSentOnce() {
        String caseId = newCaseId();
        graph.userHasMethods(MARCUS, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.mailFound("<m3@contoso.com>", "AAMkReply3");
        graph.stub(post(urlPathMatching(".*/messages/AAMkReply3/reply")).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("throttled once"));
        graph.stub(post(urlPathMatching(".*/messages/AAMkReply3/reply")).inScenario("throttle")
                .whenScenarioStateIs("throttled once").willReturn(aResponse().withStatus(202)));

        handOver(Handoffs.email(caseId, "no-phone-today", MARCUS, "Marcus Oyelaran", true, "<m3@contoso.com>"));

        assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        Eventually.await("the retried reply", () -> graph.replies("AAMkReply3").size() == 2);
        assertEquals(2, graph.replies("AAMkReply3").size(), "one 429, then exactly one accepted reply");
    }

    @Test
    void unverifiedSenderIsEscalatedWithoutAnyMessageToThem() {
        String caseId = newCaseId();
        graph.acceptsEverySend("<m5@gmail.com>", "AAMkReply5");

        handOver(Handoffs.email(caseId, "new-phone", "someone@gmail.com", "Adele Brennan", false, "<m5@gmail.com>"));

        Map<String, Object> state = awaitDecision(caseId);
        assertEquals("ESCALATED", state.get("action"));
        assertEquals("UNVERIFIED_SENDER", state.get("reason"));
        Eventually.await("the announcement", () -> graph.channelPosts("T1", "C9").size() == 1);
        assertTrue(graph.channelPosts("T1", "C9").get(0).getBodyAsString().contains("NOT VERIFIED"));
        assertTrue(graph.replies().isEmpty(), "no reply to an unverified sender");
        assertTrue(graph.mailsSent().stream()
                        .noneMatch(r -> r.getBodyAsString().contains("\"address\":\"someone@gmail.com\"")),
                "no mail to an unverified sender");
    }

    @Test
    void markdownInAStrangersNameIsShownAsTextInTheHelpDeskCard() {
        // Teams renders Markdown links in an Adaptive Card's facts: a display name must not become a link
        String caseId = newCaseId();
        graph.acceptsEverySend("<m25@gmail.com>", "AAMkReply25");

        handOver(Handoffs.email(caseId, "lost-phone", "someone@gmail.com",
                "[Identity verified - issue TAP here](https://evil.example/tap) *now*", false, "<m25@gmail.com>"));

        awaitDecision(caseId);
        Eventually.await("the announcement", () -> graph.channelPosts("T1", "C9").size() == 1);
        String post = graph.channelPosts("T1", "C9").get(0).getBodyAsString();
        String card = post.substring(post.indexOf("\"attachments\""), post.indexOf("\"body\":{"));
        assertFalse(card.contains("[Identity verified - issue TAP here](https://evil.example/tap)"), card);
        assertTrue(card.contains("TAP here\\") && !card.contains("TAP here]"), "the brackets are escaped: " + card);
        assertTrue(card.contains("Sender not verified") && !post.contains("UNVERIFIED_SENDER"),
                "the reason in words: " + post);
    }

    @Test
    void missingOriginalFallsBackToANewMailWithReSubject() {
        String caseId = newCaseId();
        graph.userHasMethods(MARCUS, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.fido2());
        graph.mailNotFound();
        graph.sendMailAccepted();

        handOver(Handoffs.email(caseId, "no-phone-today", MARCUS, "Marcus Oyelaran", true, "<m6@contoso.com>"));

        assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        Eventually.await("the fallback mail", () -> graph.mailsSent().size() == 1);
        String mail = graph.mailsSent().get(0).getBodyAsString();
        assertTrue(mail.contains("RE: Sign-in help") && mail.contains(MARCUS) && mail.contains("security key"), mail);
    }

    @Test
    void graphDownKeepsTheCasePendingUntilItAnswers() {
        String caseId = newCaseId();
        graph.acceptsEverySend("<m7@contoso.com>", "AAMkReply7");
        graph.stub(WireMock.get(urlPathMatching("/v1.0/users/.*")).atPriority(1).inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GraphStub.graphError(500, "InternalServerError")).willSetStateTo("recovered"));
        graph.userHasMethods(MARCUS, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));

        handOver(Handoffs.email(caseId, "new-phone", MARCUS, "Marcus Oyelaran", true, "<m7@contoso.com>"));

        assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        Eventually.await("the reply", () -> graph.replies("AAMkReply7").size() == 1);
    }

    @Test
    void anOrganisationAddressTheDirectoryDoesNotKnowIsAnUnverifiedSender() {
        // SCENARIOS.md rule 2: the domain is ours, but no user has the address: anyone could have made it up
        String caseId = newCaseId();
        graph.userUnknown("ghost@contoso.com");
        graph.acceptsEverySend("<m8@contoso.com>", "AAMkReply8");

        handOver(Handoffs.email(caseId, "code-not-received", "ghost@contoso.com", "Ghost", true, "<m8@contoso.com>"));

        Map<String, Object> state = awaitDecision(caseId);
        assertEquals("ESCALATED", state.get("action"));
        assertEquals("UNVERIFIED_SENDER", state.get("reason"));
        Eventually.await("the announcement", () -> graph.channelPosts("T1", "C9").size() == 1);
        assertTrue(graph.channelPosts("T1", "C9").get(0).getBodyAsString().contains("NOT VERIFIED"),
                "the help desk is told to verify out of band");
        assertTrue(graph.replies().isEmpty(), "no acknowledgement to an address nobody has");
        assertTrue(graph.requests(WireMock.getRequestedFor(urlPathMatching("/v1.0/users")))
                .stream().anyMatch(r -> r.getUrl().contains("proxyAddresses")), "aliases were looked at too");
    }

    @Test
    void aUserWritingFromOneOfTheirAliasesIsThatUser() {
        String caseId = newCaseId();
        String alias = "m.oyelaran@contoso.com";
        graph.userUnknown(alias);
        graph.stub(WireMock.get(urlPathMatching("/v1.0/users")).atPriority(1)
                .withQueryParam("$filter", WireMock.containing("proxyAddresses"))
                .willReturn(GraphStub.okJson("{\"value\":[{\"id\":\"u-marcus\",\"displayName\":\"Marcus Oyelaran\","
                        + "\"mail\":\"" + MARCUS + "\",\"proxyAddresses\":[\"SMTP:" + MARCUS + "\",\"smtp:" + alias
                        + "\"]}]}")));
        graph.userHasMethods(MARCUS, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.acceptsEverySend("<m18@contoso.com>", "AAMkReply18");

        handOver(Handoffs.email(caseId, "no-phone-today", alias, "Marcus Oyelaran", true, "<m18@contoso.com>"));

        assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        Eventually.await("the reply", () -> graph.replies("AAMkReply18").size() == 1);
        assertTrue(graph.replies("AAMkReply18").get(0).getBodyAsString().contains("42"), "the office phone is named");
    }

    @Test
    void followUpSayingTheFixFailedIsEscalatedUnderTheFirstScenario() {
        String first = newCaseId();
        graph.userHasMethods(MARCUS, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.acceptsEverySend("<m9@contoso.com>", "AAMkReply9");
        graph.mailFound("<m10@contoso.com>", "AAMkReply10");
        handOver(Handoffs.email(first, "new-phone", MARCUS, "Marcus Oyelaran", true, "<m9@contoso.com>"));
        assertEquals("REPLIED", awaitDecision(first).get("action"));

        String followUp = newCaseId();
        handOver(Handoffs.email(followUp, first, "other", MARCUS, "Marcus Oyelaran", true, "<m10@contoso.com>",
                false, "FIX_FAILED"));

        Map<String, Object> state = awaitDecision(followUp);
        assertEquals("ESCALATED", state.get("action"));
        assertEquals("FIX_FAILED", state.get("reason"));
        assertEquals("new-phone", state.get("scenario"));
        assertEquals("REPLIED", caseState(first).get("action"), "the first case keeps its outcome");
        Eventually.await("the acknowledgement", () -> graph.replies("AAMkReply10").size() == 1);
    }

    @Test
    void handingTheSameCaseOverTwiceDecidesItOnce() {
        String caseId = newCaseId();
        graph.userHasMethods(MARCUS, "u-marcus", "Marcus Oyelaran", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        graph.acceptsEverySend("<m11@contoso.com>", "AAMkReply11");
        String handoff = Handoffs.email(caseId, "no-phone-today", MARCUS, "Marcus Oyelaran", true, "<m11@contoso.com>");

        handOver(handoff);
        handOver(handoff);

        assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        Eventually.await("the reply", () -> graph.replies("AAMkReply11").size() == 1);
        handOver(handoff);
        assertEquals(1, graph.replies("AAMkReply11").size());
    }

    @Test
    void unknownCaseIs404AndAnonymousIs401() {
        assertEquals(404, status(io.micronaut.http.HttpRequest.GET("/api/v1/cases/nope").bearerAuth(TOKEN)));
        assertEquals(401, status(io.micronaut.http.HttpRequest.GET("/api/v1/cases/nope")));
        assertEquals(401, status(io.micronaut.http.HttpRequest.POST("/internal/v1/cases", "{}")));
    }
}
