package com.mfadesk.intake.cases;

import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/cases?channel&externalId: found by Message-ID with or without brackets, 404 when unknown. */
@MicronautTest(transactional = false)
class CaseLookupTest extends IntakeTestBase {

    @Test
    void caseIsFoundByMessageIdWithoutOrWithBrackets() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>");
        String caseId = postMail(mail).caseId();
        String bare = mail.messageId().substring(1, mail.messageId().length() - 1);

        Map<String, Object> found = lookUpEmail(bare).orElseThrow();

        assertEquals(Map.of("caseId", caseId, "channel", "EMAIL", "externalId", bare, "status", "ACCEPTED"),
                Map.of("caseId", found.get("caseId"), "channel", found.get("channel"),
                        "externalId", found.get("externalId"), "status", found.get("status")));
        assertTrue(found.containsKey("threadCaseId"), "threadCaseId is always present");
        assertNull(found.get("threadCaseId"));
        assertEquals(caseId, lookUpEmail(mail.messageId()).orElseThrow().get("caseId"));
    }

    @Test
    void channelIsCaseInsensitive() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>");
        String caseId = postMail(mail).caseId();

        Answer answer = exchange(HttpRequest.GET("/api/v1/cases?channel=email&externalId="
                + mail.messageId().substring(1, mail.messageId().length() - 1)).bearerAuth(TOKEN));

        assertEquals(200, answer.status(), answer.body());
        assertEquals(caseId, answer.json().get("caseId"));
    }

    @Test
    void unknownMessageIs404Problem() {
        Answer answer = exchange(HttpRequest.GET("/api/v1/cases?channel=EMAIL&externalId=nobody-sent-this@x.test")
                .bearerAuth(TOKEN));

        assertEquals(404, answer.status());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
    }

    @Test
    void emailIdIsNotFoundOnTheTeamsChannel() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>");
        postMail(mail);

        Answer answer = exchange(HttpRequest.GET("/api/v1/cases?channel=TEAMS&externalId="
                + mail.messageId().substring(1, mail.messageId().length() - 1)).bearerAuth(TOKEN));

        assertEquals(404, answer.status());
    }

    @Test
    void unknownChannelIs400() {
        Answer answer = exchange(HttpRequest.GET("/api/v1/cases?channel=FAX&externalId=x").bearerAuth(TOKEN));

        assertEquals(400, answer.status());
    }

    @Test
    void missingParametersAre400() {
        Answer answer = exchange(HttpRequest.GET("/api/v1/cases?channel=EMAIL").bearerAuth(TOKEN));

        assertEquals(400, answer.status());
    }
}
