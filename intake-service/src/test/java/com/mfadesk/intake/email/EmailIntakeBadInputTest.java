package com.mfadesk.intake.email;

import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What POST /api/v1/messages/email refuses (CONTRACT.md: 401, 400 problem+json) and that a refused message leaves
 * nothing behind: no case, no raw message, no pipeline job. Nothing in this class is ever accepted.
 */
@MicronautTest(transactional = false)
class EmailIntakeBadInputTest extends IntakeTestBase {

    private static final byte[] GARBAGE = concat(new byte[] {0x00, 0x01},
            "garbage, not a message at all".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xff});

    @AfterEach
    void nothingStored() {
        assertEquals(0, cases.count(), "inbound_case rows");
        assertEquals(0, rawMessages.count(), "raw_message rows");
        assertEquals(0, jobs.count(), "pipeline_job rows");
        assertTrue(notify.requests().isEmpty() && guidance.requests().isEmpty(), "nothing went downstream");
    }

    @Test
    void missingBearerTokenIs401() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>");

        Answer answer = exchange(HttpRequest.POST(EMAIL_PATH, mail.bytes()).contentType("message/rfc822"));

        assertEquals(401, answer.status());
        assertTrue(lookUpEmail(mail.messageId()).isEmpty());
    }

    @Test
    void wrongBearerTokenIs401() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>");

        Answer answer = exchange(HttpRequest.POST(EMAIL_PATH, mail.bytes()).contentType("message/rfc822")
                .bearerAuth(TOKEN + "x"));

        assertEquals(401, answer.status());
        assertTrue(lookUpEmail(mail.messageId()).isEmpty());
    }

    @Test
    void otherAuthorizationSchemeIs401() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>");

        Answer answer = exchange(HttpRequest.POST(EMAIL_PATH, mail.bytes()).contentType("message/rfc822")
                .basicAuth("intake", TOKEN));

        assertEquals(401, answer.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/messages/email/", "//api/v1/messages/email", "/api//v1/messages/email",
            "/api/v1/messages/email;x=1", "/api/v1/teams/notifications/../../messages/email"})
    void pathVariantsDoNotGetPastTheToken(String path) {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>");

        Answer answer = exchange(HttpRequest.POST(path, mail.bytes()).contentType("message/rfc822"));

        assertTrue(answer.status() == 401 || answer.status() == 404 || answer.status() == 400,
                path + " answered " + answer.status() + ": " + answer.body());
    }

    @Test
    void caseLookUpWithoutTokenIs401() {
        Answer answer = exchange(HttpRequest.GET("/api/v1/cases?channel=EMAIL&externalId=x@contoso.com"));

        assertEquals(401, answer.status());
    }

    @Test
    void emptyBodyIs400Problem() {
        Answer answer = postMail(new byte[0]);

        assertProblem(400, answer);
    }

    @Test
    void nonMimeGarbageIs400Problem() {
        Answer answer = postMail(GARBAGE);

        assertProblem(400, answer);
    }

    @Test
    void headersWithoutFromAre400Problem() {
        byte[] noFrom = ("To: support@contoso.com\r\nSubject: who am I\r\nMessage-ID: <no-from@x.test>\r\n\r\n"
                + "I left my phone at home.\r\n").getBytes(StandardCharsets.US_ASCII);

        Answer answer = postMail(noFrom);

        assertProblem(400, answer);
        assertTrue(lookUpEmail("no-from@x.test").isEmpty());
    }

    @Test
    void fromWithoutAnAddressIs400Problem() {
        byte[] noAddress = ("From: Marcus Oyelaran\r\nTo: support@contoso.com\r\nSubject: hi\r\n"
                + "Message-ID: <no-address@x.test>\r\n\r\nI left my phone at home.\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        Answer answer = postMail(noAddress);

        assertProblem(400, answer);
        assertTrue(lookUpEmail("no-address@x.test").isEmpty());
    }

    private static void assertProblem(int status, Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/problem+json"),
                "content type " + answer.contentType());
        assertEquals(status, ((Number) answer.json().get("status")).intValue(), answer.body());
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
