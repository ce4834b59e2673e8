package com.mfadesk.common.graph;

/**
 * Where the app gets an access token as itself (app-only, no user) for one scope: a client-credentials grant of the
 * app registration with its {@link AppCredential}, or the platform's managed identity. One bean, chosen by
 * {@link AppIdentityFactory}; {@link ClientCredentialsTokens} caches what it gives.
 */
public interface AppIdentity {

    /** @param scope a resource's {@code /.default} scope, e.g. {@code https://graph.microsoft.com/.default} */
    OAuthTokens.TokenResponse tokenFor(String scope);
}
