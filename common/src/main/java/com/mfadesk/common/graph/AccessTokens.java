package com.mfadesk.common.graph;

/** Where a Graph client gets its bearer tokens: the app's own (client credentials) or a delegated account's. */
public interface AccessTokens {

    String currentToken();

    /** The resource refused {@code token} (401): forget it, the next call fetches a new one. */
    void reject(String token);
}
