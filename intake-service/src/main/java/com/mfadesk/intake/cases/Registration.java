package com.mfadesk.intake.cases;

/**
 * The data source that registers inbound messages: its own pool, whose connections stay in manual-commit mode so a
 * registration costs its inserts and one COMMIT, not two extra round trips switching auto-commit off and on again.
 * Only {@link CaseRegistry.CaseWriter}'s transaction uses it: outside a transaction nothing written there would be
 * committed.
 */
public final class Registration {

    public static final String DATA_SOURCE = "registration";

    private Registration() {
    }
}
