package com.mfadesk.intake.imap;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ImapSessionPropertiesTest {

    @Test
    void sslWithPasswordUsesImapsWithTimeoutsAndPeek() {
        Properties properties = ImapSessionProperties.of(configuration(true, null, ImapConfiguration.Auth.PASSWORD));

        assertEquals("outlook.office365.com", properties.getProperty("mail.imaps.host"));
        assertEquals("993", properties.getProperty("mail.imaps.port"));
        assertEquals("5000", properties.getProperty("mail.imaps.connectiontimeout"));
        assertEquals("7000", properties.getProperty("mail.imaps.timeout"));
        assertEquals("true", properties.getProperty("mail.imaps.peek"), "fetching must not flag \\Seen");
        assertEquals("true", properties.getProperty("mail.imaps.ssl.checkserveridentity"));
        assertFalse(properties.containsKey("mail.imaps.auth.mechanisms"));
    }

    @Test
    void xoauth2IsTheOnlyMechanismWhenConfigured() {
        Properties properties = ImapSessionProperties.of(configuration(true, null, ImapConfiguration.Auth.XOAUTH2));

        assertEquals("XOAUTH2", properties.getProperty("mail.imaps.auth.mechanisms"));
    }

    @Test
    void plainImapOnItsDefaultPortOrTheOneGiven() {
        Properties properties = ImapSessionProperties.of(configuration(false, null, ImapConfiguration.Auth.PASSWORD));

        assertEquals("143", properties.getProperty("mail.imap.port"));
        assertEquals("true", properties.getProperty("mail.imap.peek"));
        assertEquals(1143, configuration(false, 1143, ImapConfiguration.Auth.PASSWORD).effectivePort());
    }

    private static ImapConfiguration configuration(boolean ssl, Integer port, ImapConfiguration.Auth auth) {
        return new ImapConfiguration("outlook.office365.com", port, "support@contoso.com", "secret", "INBOX", ssl,
                auth, "https://outlook.office365.com/.default", Duration.ofSeconds(5), Duration.ofSeconds(7),
                Duration.ofSeconds(1), Duration.ofMinutes(5));
    }
}
