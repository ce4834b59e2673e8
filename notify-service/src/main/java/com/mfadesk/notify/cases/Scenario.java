package com.mfadesk.notify.cases;

import java.util.Set;

/** Scenario ids of SCENARIOS.md that the action rules treat specially. */
public final class Scenario {

    public static final String NO_PHONE_TODAY = "no-phone-today";
    public static final String LOST_PHONE = "lost-phone";
    public static final String NEW_PHONE = "new-phone";
    public static final String CODE_NOT_RECEIVED = "code-not-received";
    public static final String APP_PASSWORD = "app-password";
    public static final String OTHER = "other";
    public static final String OUT_OF_SCOPE = "out-of-scope";
    public static final String NOT_SUPPORT = "not-support";

    /** The scenarios whose fix is "use another method": rule 5 looks the user's methods up. */
    public static final Set<String> NEEDS_ALTERNATE = Set.of(NO_PHONE_TODAY, NEW_PHONE, CODE_NOT_RECEIVED);
    /** The phone itself is out of reach: apps that live on it are no alternate. */
    public static final Set<String> PHONE_MISSING = Set.of(NO_PHONE_TODAY, LOST_PHONE, NEW_PHONE);

    private Scenario() {
    }

    public static boolean isAboutSignIn(String scenario) {
        return !OUT_OF_SCOPE.equals(scenario) && !NOT_SUPPORT.equals(scenario);
    }
}
