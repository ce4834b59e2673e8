package com.mfadesk.notify.reply;

import com.mfadesk.testsupport.Eventually;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user who wrote in German is answered in German, alternates and all; an unknown language falls back to English. */
@MicronautTest(transactional = false)
class LocalisedReplyTest extends NotifyTestBase {

    private static final String USER = "sabine.hoffmann@contoso.com";

    @Test
    void germanMessageGetsAGermanReply() {
        String caseId = answer("de", "<de-1@contoso.com>", "AAMkDe1");
        String reply = graph.replies("AAMkDe1").get(0).getBodyAsString();
        assertTrue(reply.contains("Hallo Sabine"), reply);
        assertTrue(reply.contains("Ihr Bürotelefon mit der Endung 42"), reply);
        assertTrue(reply.contains(caseId.substring(0, 8)), "the case reference: " + reply);
        assertTrue(reply.contains("Quelle: <a href=\\\"https://docs.example/mfa\\\">Troubleshoot common"), reply);
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        answer("it", "<it-1@contoso.com>", "AAMkIt1");
        String reply = graph.replies("AAMkIt1").get(0).getBodyAsString();
        assertTrue(reply.contains("Hello Sabine") && reply.contains("office phone ending in 42"), reply);
    }

    private String answer(String language, String internetMessageId, String graphId) {
        String caseId = newCaseId();
        graph.userHasMethods(USER, "u-sabine", "Sabine Hoffmann", Methods.mobile("+49 30 5550 1199"),
                Methods.office("+49 30 5550 1242"));
        graph.acceptsEverySend(internetMessageId, graphId);
        handOver(("{\"caseId\":\"%s\",\"channel\":\"EMAIL\",\"requester\":{\"address\":\"%s\","
                + "\"displayName\":\"Sabine Hoffmann\",\"verified\":true},\"subject\":\"Keine SMS\","
                + "\"text\":\"Ich habe mein Handy zu Hause vergessen\",\"internetMessageId\":\"%s\","
                + "\"guidance\":{\"scenario\":\"no-phone-today\",\"confidence\":0.9,\"saysNoAlternate\":false,"
                + "\"fixAlreadyTried\":false,\"language\":\"%s\",\"steps\":[\"Schritt eins\"],"
                + "\"sources\":[\"Troubleshoot common two-factor verification problems (2019) https://docs.example/mfa\"]}}")
                .formatted(caseId, USER, internetMessageId, language));
        assertEquals("REPLIED", awaitDecision(caseId).get("action"));
        Eventually.await("the reply", () -> graph.replies(graphId).size() == 1);
        return caseId;
    }
}
