package com.mfadesk.intake.imap;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The one connection to the support mailbox: kept open between polls (a login per poll would be throttled by
 * Exchange), opened again when it is gone, and dropped whole on any failure so the next poll starts clean.
 */
@Singleton
@Requires(property = "imap.host", pattern = ImapConfiguration.HOST_IS_SET)
class MailboxConnection {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxConnection.class);

    private final ImapConfiguration configuration;
    private final ExchangeOnlineTokenSource tokens;

    private Store store;
    private Folder folder;

    MailboxConnection(ImapConfiguration configuration, ExchangeOnlineTokenSource tokens) {
        this.configuration = configuration;
        this.tokens = tokens;
    }

    /** The folder, open read-write (flags are set on it); connects first when there is no live connection. */
    synchronized Folder openFolder() throws MessagingException, IOException {
        if (folder != null && folder.isOpen()) {
            return folder;
        }
        close();
        Store connecting = Session.getInstance(ImapSessionProperties.of(configuration))
                .getStore(configuration.protocol());
        String secret = secret();
        try {
            connecting.connect(configuration.host(), configuration.effectivePort(), configuration.user(), secret);
        } catch (AuthenticationFailedException e) {
            if (configuration.auth() == ImapConfiguration.Auth.XOAUTH2) {
                tokens.reject(secret);
            }
            throw e;
        }
        store = connecting;
        Folder opening = connecting.getFolder(configuration.folder());
        opening.open(Folder.READ_WRITE);
        folder = opening;
        LOG.info("IMAP connected to {}", configuration.address());
        return folder;
    }

    /** Closes without expunging: intake never deletes mail. Quiet, as the connection is often already broken. */
    @PreDestroy
    synchronized void close() {
        if (folder != null && folder.isOpen()) {
            try {
                folder.close(false);
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("closing the IMAP folder: {}", e.toString());
            }
        }
        folder = null;
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("closing the IMAP connection: {}", e.toString());
            }
        }
        store = null;
    }

    private String secret() {
        return configuration.auth() == ImapConfiguration.Auth.XOAUTH2 ? tokens.currentToken()
                : configuration.password();
    }
}
