package com.mfadesk.intake.imap;

import java.util.Properties;

/** The Jakarta Mail session settings for the support mailbox. */
final class ImapSessionProperties {

    /** Chunks of a large message are fetched this big: few round trips, bounded memory per response. */
    static final int FETCH_SIZE = 1024 * 1024;

    private ImapSessionProperties() {
    }

    static Properties of(ImapConfiguration configuration) {
        String prefix = "mail." + configuration.protocol() + ".";
        Properties properties = new Properties();
        properties.setProperty(prefix + "host", configuration.host());
        properties.setProperty(prefix + "port", Integer.toString(configuration.effectivePort()));
        properties.setProperty(prefix + "connectiontimeout", millis(configuration.connectTimeout()));
        properties.setProperty(prefix + "timeout", millis(configuration.readTimeout()));
        // BODY.PEEK[]: reading a message must not flag it \Seen; only a stored message is flagged, by the poller
        properties.setProperty(prefix + "peek", "true");
        properties.setProperty(prefix + "fetchsize", Integer.toString(FETCH_SIZE));
        if (configuration.ssl()) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        if (configuration.auth() == ImapConfiguration.Auth.XOAUTH2) {
            // the access token goes where the password would: Angus sends it as XOAUTH2's bearer for the user
            properties.setProperty(prefix + "auth.mechanisms", "XOAUTH2");
        }
        return properties;
    }

    private static String millis(java.time.Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
