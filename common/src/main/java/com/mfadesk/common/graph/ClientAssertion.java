package com.mfadesk.common.graph;

/**
 * The form fields of RFC 7523 client authentication, as the Microsoft identity platform takes them for certificate
 * and federated credentials alike: the client id, the JWT-bearer assertion type and the assertion.
 */
final class ClientAssertion {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientAssertion() {
    }

    static String formFields(String clientId, String assertion) {
        return "client_id=" + OAuthTokens.encode(clientId)
                + "&client_assertion_type=" + OAuthTokens.encode(JWT_BEARER)
                + "&client_assertion=" + OAuthTokens.encode(assertion);
    }
}
