package com.mfadesk.intake.email;

import com.mfadesk.testsupport.SharedDocuments;
import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.TestMail;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * SCENARIOS.md rule 2 as intake decides it, seen in the hand-over to notify: a sender is verified only with an
 * address in ORG_DOMAINS whose mail did not fail authentication at our boundary (the topmost
 * {@code Authentication-Results} and Exchange's {@code AuthAs}); the requester is always the {@code From} address,
 * never a {@code Reply-To}. Whether the directory knows the address is notify's part of the rule.
 */
@MicronautTest(transactional = false)
class SenderVerificationTest extends IntakeTestBase {

    @Test
    void senderInEitherOrganisationDomainIsVerified() {
        assertEquals(Boolean.TRUE, requester(TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>"))
                .get("verified"));
        assertEquals(Boolean.TRUE, requester(TestMail.from("Fiona MacLeod <fiona.macleod@contoso.co.uk>"))
                .get("verified"));
    }

    @Test
    void domainIsComparedWithoutRegardToCase() {
        Map<String, Object> requester = requester(TestMail.from("Marcus Oyelaran <Marcus.Oyelaran@CONTOSO.COM>"));

        assertEquals(Boolean.TRUE, requester.get("verified"));
        assertEquals("marcus.oyelaran@contoso.com", requester.get("address"));
    }

    @Test
    void senderOutsideTheOrganisationIsNotVerified() {
        Map<String, Object> requester = requester(TestMail.from("Paul Girard <paul.girard@fabrikam.com>"));

        assertEquals(Boolean.FALSE, requester.get("verified"));
        assertEquals("paul.girard@fabrikam.com", requester.get("address"));
    }

    @Test
    void lookalikeDomainsAreNotTheOrganisation() {
        assertEquals(Boolean.FALSE, requester(TestMail.from("<marcus.oyelaran@contoso.com.evil.example>"))
                .get("verified"));
        assertEquals(Boolean.FALSE, requester(TestMail.from("<marcus.oyelaran@notcontoso.com>")).get("verified"));
    }

    @Test
    void dmarcFailIsNotVerifiedEvenFromTheOrganisationDomain() {
        TestMail spoofed = TestMail.from("Tom Whitaker <tom.whitaker@contoso.co.uk>")
                .header("Authentication-Results", "spf=fail (sender IP is 185.234.72.19)\r\n"
                        + " smtp.mailfrom=contoso.co.uk; dkim=none (message not signed)\r\n"
                        + " header.d=none;dmarc=fail action=quarantine\r\n header.from=contoso.co.uk");

        assertEquals(Boolean.FALSE, requester(spoofed).get("verified"));
    }

    @Test
    void forgedPassHeaderDoesNotOutweighTheReceivingServersFail() {
        TestMail spoofed = TestMail.from("Tom Whitaker <tom.whitaker@contoso.co.uk>")
                .header("Authentication-Results", "spf=fail smtp.mailfrom=contoso.co.uk; dmarc=fail action=none "
                        + "header.from=contoso.co.uk")
                .header("Authentication-Results", "mx.contoso.co.uk; dmarc=pass header.from=contoso.co.uk");

        assertEquals(Boolean.FALSE, requester(spoofed).get("verified"));
    }

    @Test
    void dmarcPassFromTheOrganisationIsVerified() {
        TestMail genuine = TestMail.from("Tom Whitaker <tom.whitaker@contoso.co.uk>")
                .header("Authentication-Results", "spf=pass smtp.mailfrom=contoso.co.uk; dkim=pass "
                        + "header.d=contoso.co.uk;dmarc=pass action=none header.from=contoso.co.uk");

        assertEquals(Boolean.TRUE, requester(genuine).get("verified"));
    }

    @Test
    void spoofedEmployeeWhoseMailFailedAtTheBoundaryIsNotVerified() {
        // the shape an attacker sent: no dmarc=fail, but everything else Exchange says about an outside forgery
        TestMail spoofed = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>")
                .header("Authentication-Results", "spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=contoso.com;"
                        + " dkim=none (message not signed) header.d=none;dmarc=none action=none"
                        + " header.from=contoso.com;compauth=fail reason=001")
                .header("X-MS-Exchange-Organization-AuthAs", "Anonymous")
                .header("Reply-To", "marcus.helpdesk@proton.example");

        assertEquals(Boolean.FALSE, requester(spoofed).get("verified"));
    }

    @Test
    void eachBoundaryFailureAloneMakesTheSenderUnverified() {
        for (String verdict : new String[] {"dmarc=temperror", "dmarc=permerror", "compauth=fail reason=000",
            "spf=softfail smtp.mailfrom=contoso.com; dmarc=none", "spf=fail smtp.mailfrom=contoso.com"}) {
            TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>")
                    .header("Authentication-Results", verdict);

            assertEquals(Boolean.FALSE, requester(mail).get("verified"), verdict);
        }
    }

    @Test
    void anonymousSubmissionFromAnOrganisationAddressIsNotVerified() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>")
                .header("X-MS-Exchange-Organization-AuthAs", "Anonymous");

        assertEquals(Boolean.FALSE, requester(mail).get("verified"));
    }

    @Test
    void internalMailWithDmarcNoneAndAnInternalSubmissionIsVerified() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>")
                .header("Authentication-Results", "dkim=none (message not signed) header.d=none;dmarc=none "
                        + "action=none header.from=contoso.com;")
                .header("X-MS-Exchange-Organization-AuthAs", "Internal");

        assertEquals(Boolean.TRUE, requester(mail).get("verified"));
    }

    @Test
    void spfFailWithDmarcPassIsVerified() {
        // a forwarder breaks SPF; DKIM-aligned DMARC still vouches for the sender
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>")
                .header("Authentication-Results", "spf=fail smtp.mailfrom=contoso.com; dkim=pass header.d=contoso.com;"
                        + "dmarc=pass action=none header.from=contoso.com;compauth=pass reason=100");

        assertEquals(Boolean.TRUE, requester(mail).get("verified"));
    }

    @Test
    void aPassWrittenBelowTheReceivingServersVerdictIsNotRead() {
        // the receiving server prepends its header; one further down is the sender's own writing
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>")
                .header("Authentication-Results", "spf=softfail smtp.mailfrom=contoso.com; dmarc=none")
                .header("Authentication-Results", "mx.contoso.com; spf=pass; dmarc=pass header.from=contoso.com");

        assertEquals(Boolean.FALSE, requester(mail).get("verified"));
    }

    @Test
    void replyToOutsideTheOrganisationNeverBecomesTheRequester() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>")
                .header("Reply-To", "Marcus <marcus.private@gmail.com>");

        Map<String, Object> requester = requester(mail);

        assertEquals("marcus.oyelaran@contoso.com", requester.get("address"));
        assertEquals(Boolean.TRUE, requester.get("verified"));
    }

    @Test
    void replyToInsideTheOrganisationDoesNotVerifyAnOutsideSender() {
        TestMail mail = TestMail.from("Kevin Nakamura <kevin.nakamura.sf@gmail.com>")
                .header("Reply-To", "kevin.nakamura@contoso.com");

        Map<String, Object> requester = requester(mail);

        assertEquals("kevin.nakamura.sf@gmail.com", requester.get("address"));
        assertEquals(Boolean.FALSE, requester.get("verified"));
    }

    @Test
    void devCorpusSpoofWithDmarcFailAndGmailReplyToIsUnverified() {
        DevCorpus corpus = new DevCorpus();
        SharedDocuments.assumeAvailable(corpus.isAvailable(), "shared/dev-corpus next to this clone");

        Answer answer = postMail(corpus.emailBytes("h207"));

        assertEquals(202, answer.status(), answer.body());
        Map<String, Object> requester = requesterOf(answer.caseId());
        assertEquals("tom.whitaker@contoso.co.uk", requester.get("address"));
        assertEquals(Boolean.FALSE, requester.get("verified"));
        assertFalse(String.valueOf(requester).contains("gmail"), "the Reply-To is nowhere in the requester");
    }

    @Test
    void devCorpusPartnerDomainIsUnverified() {
        DevCorpus corpus = new DevCorpus();
        SharedDocuments.assumeAvailable(corpus.isAvailable(), "shared/dev-corpus next to this clone");

        Answer answer = postMail(corpus.emailBytes("h143"));

        Map<String, Object> requester = requesterOf(answer.caseId());
        assertEquals("paul.girard@fabrikam.com", requester.get("address"));
        assertEquals(Boolean.FALSE, requester.get("verified"));
    }

    private Map<String, Object> requester(TestMail mail) {
        Answer answer = postMail(mail.body("I left my phone at home and cannot sign in.\n"));
        assertEquals(202, answer.status(), answer.body());
        assertEquals("ACCEPTED", answer.intakeStatus());
        return requesterOf(answer.caseId());
    }

    private Map<String, Object> requesterOf(String caseId) {
        awaitHandedOver(caseId);
        return object(parse(notify.handoffsOf(caseId).get(0).getBodyAsString()), "requester");
    }
}
