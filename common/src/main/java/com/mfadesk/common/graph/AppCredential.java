package com.mfadesk.common.graph;

import java.util.Optional;

/** How the app registration proves who it is in a token request, whatever the grant, and until when it can. */
public interface AppCredential {

    /** The form fields that authenticate the app: its client id with its secret, or with a fresh signed assertion. */
    String formFields();

    /** When the credential stops working, if that is known. */
    Optional<CredentialExpiry> expiry();
}
