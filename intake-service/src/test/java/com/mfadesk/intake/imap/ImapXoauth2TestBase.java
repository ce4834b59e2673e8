package com.mfadesk.intake.imap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mfadesk.intake.support.IntakeTestBase;
import com.mfadesk.intake.support.RawHeaders;
import com.mfadesk.intake.support.TestMail;
import com.mfadesk.testsupport.Eventually;
import org.junit.jupiter.api.AfterAll;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IMAP_AUTH=xoauth2, as for Exchange Online: GreenMail accepts XOAUTH2 with {@link #TOKEN} as the user's password,
 * and WireMock ({@link #credentials}) is where the token comes from: the app registration's token endpoint, or a
 * managed identity's endpoint. Each subclass configures one kind of credential and checks how the token was asked for.
 */
abstract class ImapXoauth2TestBase extends IntakeTestBase {

    static final String TOKEN = "exchange-online-token";

    protected final TestImapServer imapServer = new TestImapServer(TOKEN);
    protected final WireMockServer credentials = new WireMockServer(options().dynamicPort());

    /** Starts nothing: {@link #credentials} is started, and answers with {@link #TOKEN} as the subclass stubs it. */
    protected abstract Map<String, String> credentialProperties();

    @Override
    public Map<String, String> getProperties() {
        credentials.start();
        Map<String, String> properties = super.getProperties();
        properties.putAll(credentialProperties());
        properties.put("imap.host", "127.0.0.1");
        properties.put("imap.port", Integer.toString(imapServer.port()));
        properties.put("imap.ssl", "false");
        properties.put("imap.auth", "xoauth2");
        properties.put("imap.user", TestImapServer.MAILBOX);
        properties.put("imap.poll-interval", "200ms");
        return properties;
    }

    @AfterAll
    void stopServers() {
        credentials.stop();
        imapServer.close();
    }

    /** A mail delivered to the mailbox is taken in: the mailbox was opened with the token. */
    protected void mailIsTakenIn() {
        TestMail mail = TestMail.from("Marcus Oyelaran <marcus.oyelaran@contoso.com>").subject("Locked out " + marker());
        long uid = imapServer.deliver(mail.bytes());
        Eventually.await("message flagged \\Seen", () -> imapServer.isSeen(uid));
        assertTrue(lookUpEmail(RawHeaders.externalId(imapServer.servedBytes(uid))).isPresent());
    }
}
