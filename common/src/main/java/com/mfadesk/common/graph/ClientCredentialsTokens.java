package com.mfadesk.common.graph;

import java.time.Clock;

/** The app's own tokens for one scope, cached. */
public class ClientCredentialsTokens extends OAuthTokens {

    private final AppIdentity identity;
    private final String scope;

    public ClientCredentialsTokens(AppIdentity identity, Clock clock, String scope) {
        super(clock);
        this.identity = identity;
        this.scope = scope;
    }

    @Override
    protected TokenResponse requestToken() {
        return identity.tokenFor(scope);
    }
}
