package com.mfadesk.common.graph;

import java.time.Instant;

/**
 * When the app's credential stops working, whichever credential it is: /health turns DOWN after it and notify warns
 * the help desk before it.
 */
public record CredentialExpiry(Credential credential, Instant at) {

    public boolean hasPassed(Instant now) {
        return !now.isBefore(at);
    }

    public enum Credential {
        CLIENT_SECRET("client secret"),
        CLIENT_CERTIFICATE("client certificate");

        private final String label;

        Credential(String label) {
            this.label = label;
        }

        /** As people say it: "client secret". */
        public String label() {
            return label;
        }
    }
}
