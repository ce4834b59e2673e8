package com.mfadesk.common.graph;

/** The app registration's own tokens: the client-credentials grant at GRAPH_TOKEN_URL. */
final class ClientCredentialsGrant implements AppIdentity {

    private final TokenEndpoint tokenEndpoint;

    ClientCredentialsGrant(TokenEndpoint tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    @Override
    public OAuthTokens.TokenResponse tokenFor(String scope) {
        return tokenEndpoint.request("grant_type=client_credentials&scope=" + OAuthTokens.encode(scope));
    }
}
