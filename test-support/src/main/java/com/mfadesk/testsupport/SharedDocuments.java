package com.mfadesk.testsupport;

import org.junit.jupiter.api.Assumptions;

/**
 * What tests need from the shared documents beside the clone ({@code ../shared}: the dev corpus) or from the machine
 * (Chromium). A developer's clone may lack them: those tests are skipped. Under CI ({@code CI=true}, set by
 * {@code .ci/run}) a missing one fails the build instead, so CI cannot pass green without the tests that read it.
 */
public final class SharedDocuments {

    private SharedDocuments() {
    }

    /** @param what what is missing, for the message: "shared/dev-corpus next to this clone" */
    public static void assumeAvailable(boolean available, String what) {
        assumeAvailable(available, what, System.getenv("CI"));
    }

    static void assumeAvailable(boolean available, String what, String ci) {
        if (available) {
            return;
        }
        if ("true".equalsIgnoreCase(ci)) {
            throw new AssertionError(what + " is missing, and CI=true: the tests that need it must run in CI");
        }
        Assumptions.assumeTrue(false, what + " is missing: skipped");
    }
}
