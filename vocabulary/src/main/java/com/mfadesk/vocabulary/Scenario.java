package com.mfadesk.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/** The scenario ids of SCENARIOS.md, with how the action rules treat each: the one list every service reads. */
public enum Scenario {
    NO_PHONE_TODAY("no-phone-today", Handling.NEEDS_METHODS),
    LOST_PHONE("lost-phone", Handling.NEEDS_METHODS),
    NEW_PHONE("new-phone", Handling.NEEDS_METHODS),
    CODE_NOT_RECEIVED("code-not-received", Handling.NEEDS_METHODS),
    NOT_PROMPTED("not-prompted", Handling.SIMPLY_REPLIED),
    APP_PASSWORD("app-password", Handling.SIMPLY_REPLIED),
    WHY_2SV("why-2sv", Handling.SIMPLY_REPLIED),
    PERSONAL_ACCOUNT("personal-account", Handling.SIMPLY_REPLIED),
    OTHER("other", Handling.HELP_DESK),
    OUT_OF_SCOPE("out-of-scope", Handling.HELP_DESK),
    NOT_SUPPORT("not-support", Handling.NOTHING);

    /**
     * How notify treats a scenario. Mistaking a NEEDS_METHODS message for a SIMPLY_REPLIED one is the unsafe
     * direction: the user gets an automatic answer when they may have no way in at all.
     */
    public enum Handling { NEEDS_METHODS, SIMPLY_REPLIED, HELP_DESK, NOTHING }

    private final String id;
    private final Handling handling;

    Scenario(String id, Handling handling) {
        this.id = id;
        this.handling = handling;
    }

    public String id() {
        return id;
    }

    public Handling handling() {
        return handling;
    }

    public boolean is(String scenarioId) {
        return id.equals(scenarioId);
    }

    /** Rule 5: the fix is "use another method", so the user's registered methods are looked up. */
    public boolean needsAlternate() {
        return this == NO_PHONE_TODAY || this == NEW_PHONE || this == CODE_NOT_RECEIVED;
    }

    /** The phone itself is out of reach: apps that live on it are no alternate. */
    public boolean phoneMissing() {
        return this == NO_PHONE_TODAY || this == LOST_PHONE || this == NEW_PHONE;
    }

    /** Whether the message is about signing in at all (not another IT request, not nothing to answer). */
    public boolean aboutSignIn() {
        return this != OUT_OF_SCOPE && this != NOT_SUPPORT;
    }

    public static Optional<Scenario> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** How the action rules read an id: one outside SCENARIOS.md is nothing with a documented fix, so OTHER. */
    public static Scenario orOther(String id) {
        return byId(id).orElse(OTHER);
    }
}
