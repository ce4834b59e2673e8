package com.mfadesk.intake.imap;

import com.mfadesk.common.graph.AppIdentity;
import com.mfadesk.common.graph.ClientCredentialsTokens;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The app's own tokens for IMAP XOAUTH2 with Exchange Online, from the same app identity as Graph's (the app
 * registration's grant, or the managed identity) but for Exchange's scope ({@code imap.oauth-scope}; for a managed
 * identity, that resource without {@code /.default}): a Graph token is not accepted by outlook.office365.com. Cached
 * until shortly before it expires, since every reconnect needs one.
 */
@Singleton
@Requires(property = "imap.host", pattern = ImapConfiguration.HOST_IS_SET)
class ExchangeOnlineTokenSource extends ClientCredentialsTokens {

    ExchangeOnlineTokenSource(AppIdentity identity, ImapConfiguration imap, Clock clock) {
        super(identity, clock, imap.oauthScope());
    }
}
