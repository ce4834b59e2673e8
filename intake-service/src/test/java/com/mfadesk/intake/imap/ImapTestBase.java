package com.mfadesk.intake.imap;

import com.mfadesk.intake.cases.RejectedMessage;
import com.mfadesk.intake.cases.RejectedMessageRepository;

import com.mfadesk.intake.cases.InboundCase;
import com.mfadesk.testsupport.Eventually;
import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.RawHeaders;
import com.mfadesk.intake.support.TestMail;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * intake-service with IMAP intake switched on, polling a GreenMail server in the test JVM through an
 * {@link UnreliableProxy} that each test can turn into a failing server. Times are short so a test takes seconds:
 * a poll every 200 ms, back-off from 200 ms up to 1 s, a silent server given up after 1 s.
 */
abstract class ImapTestBase extends IntakeTestBase {

    static final String PASSWORD = "mailbox-password";

    protected final TestImapServer imapServer = new TestImapServer(PASSWORD);
    protected final UnreliableProxy proxy = new UnreliableProxy(imapServer.port());

    @Inject
    protected RejectedMessageRepository rejectedMessages;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("imap.host", "127.0.0.1");
        properties.put("imap.port", Integer.toString(proxy.port()));
        properties.put("imap.ssl", "false");
        properties.put("imap.user", TestImapServer.MAILBOX);
        properties.put("imap.password", PASSWORD);
        properties.put("imap.poll-interval", "200ms");
        properties.put("imap.initial-backoff", "200ms");
        properties.put("imap.max-backoff", "1s");
        properties.put("imap.connect-timeout", "1s");
        properties.put("imap.read-timeout", "1s");
        return properties;
    }

    @BeforeEach
    void healthyServer() {
        proxy.heal();
    }

    @AfterAll
    void stopImap() {
        proxy.close();
        imapServer.close();
    }

    /** A plain mail from an employee whose subject carries {@code marker}. */
    protected static TestMail mailAbout(String marker) {
        return TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>")
                .subject("Authenticator stopped working " + marker);
    }

    protected void awaitSeen(List<Long> uids) {
        Eventually.await("messages " + uids + " flagged \\Seen", () -> imapServer.allSeen(uids));
    }

    /** The case of the message with this UID, found as a client would (GET /api/v1/cases). */
    protected Optional<Map<String, Object>> caseOf(long uid) {
        return lookUpEmail(RawHeaders.externalId(imapServer.servedBytes(uid)));
    }

    /** Every case whose subject contains {@code marker}. */
    protected List<InboundCase> casesAbout(String marker) {
        return StreamSupport.stream(cases.findAll().spliterator(), false)
                .filter(c -> c.subject() != null && c.subject().contains(marker))
                .toList();
    }

    /** Every rejected message whose raw bytes contain {@code marker}. */
    protected List<RejectedMessage> rejectedAbout(String marker) {
        return StreamSupport.stream(rejectedMessages.findAll().spliterator(), false)
                .filter(r -> new String(r.raw(), StandardCharsets.ISO_8859_1).contains(marker))
                .toList();
    }
}
