package com.mfadesk.notify.graph.delegated;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The dedicated support account that posts answers in Teams (GRAPH_DELEGATED_REFRESH_TOKEN,
 * GRAPH_DELEGATED_ENCRYPTION_KEY). Graph accepts channel and chat posts only with a delegated token; without this,
 * posts carry the app's token, which only a stand-in (or a migration-mode tenant) accepts.
 *
 * @param refreshToken  the account's first refresh token (from a one-time consent); afterwards the rotated one is
 *                      kept encrypted in the database
 * @param encryptionKey base64 of a 256-bit AES key that encrypts the stored refresh token
 */
@ConfigurationProperties("graph.delegated")
public record DelegatedPostingConfiguration(
        @Nullable String refreshToken,
        @Nullable String encryptionKey,
        @Bindable(defaultValue = "https://graph.microsoft.com/ChannelMessage.Send "
                + "https://graph.microsoft.com/ChatMessage.Send offline_access") String scopes) {
}
