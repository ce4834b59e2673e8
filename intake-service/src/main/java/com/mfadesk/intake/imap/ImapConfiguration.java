package com.mfadesk.intake.imap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The support mailbox over IMAP (IMAP_HOST, IMAP_PORT, IMAP_USER, IMAP_PASSWORD, IMAP_FOLDER, IMAP_SSL, IMAP_AUTH).
 * Nothing IMAP runs unless {@code imap.host} is set to something; the poll interval is {@code imap.poll-interval}
 * (default 10s), read by the scheduler.
 *
 * @param port              default 993 with SSL, 143 without
 * @param ssl               {@code true}: IMAPS (TLS from the first byte, server certificate and name checked);
 *                          {@code false}: plain IMAP, for a server on loopback or a trusted network only
 * @param auth              {@code password} (IMAP_USER/IMAP_PASSWORD) or {@code xoauth2}: Exchange Online, with a
 *                          client-credentials token of the Graph app registration (GRAPH_TENANT_ID, GRAPH_CLIENT_ID,
 *                          GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE) for {@code oauthScope}; IMAP_USER is then
 *                          the mailbox address
 * @param connectTimeout    how long connecting (TCP and TLS) may take
 * @param readTimeout       how long the server may stay silent in the middle of a command: a hung server costs one
 *                          poll, never the poller
 * @param initialBackoff    the first wait after a failed connection or a dropped one; doubled on each failure in a row
 * @param maxBackoff        the longest wait between attempts while the server stays unreachable
 */
@ConfigurationProperties("imap")
public record ImapConfiguration(
        @Nullable String host,
        @Nullable Integer port,
        @Nullable String user,
        @Nullable String password,
        @Bindable(defaultValue = "INBOX") String folder,
        @Bindable(defaultValue = "true") boolean ssl,
        @Bindable(defaultValue = "PASSWORD") Auth auth,
        @Bindable(defaultValue = "https://outlook.office365.com/.default") String oauthScope,
        @Bindable(defaultValue = "30s") Duration connectTimeout,
        @Bindable(defaultValue = "60s") Duration readTimeout,
        @Bindable(defaultValue = "1s") Duration initialBackoff,
        @Bindable(defaultValue = "5m") Duration maxBackoff) {

    /** For {@code @Requires(pattern = …)}: docker-compose passes an unset IMAP_HOST as an empty string. */
    static final String HOST_IS_SET = ".*\\S.*";

    public enum Auth { PASSWORD, XOAUTH2 }

    public String protocol() {
        return ssl ? "imaps" : "imap";
    }

    public int effectivePort() {
        return port != null ? port : ssl ? 993 : 143;
    }

    /** Where, for log lines: never the user or the secret. */
    public String address() {
        return protocol() + "://" + host + ":" + effectivePort() + "/" + folder;
    }
}
