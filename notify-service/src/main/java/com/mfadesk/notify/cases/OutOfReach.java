package com.mfadesk.notify.cases;

import com.mfadesk.notify.graph.RegisteredMethod;

/**
 * Guidance's names for the method types a user can say are out of reach ("the desk phone is at the office", "the
 * key is at home too"), and which Graph method each one is.
 */
final class OutOfReach {

    private OutOfReach() {
    }

    /** The guidance id of a registered method's type, or "" for one a user cannot name (password, TAP). */
    static String typeOf(RegisteredMethod method) {
        return switch (method.type()) {
            case "phoneAuthenticationMethod" -> switch (method.phoneType() == null ? "" : method.phoneType()) {
                case "office" -> "officePhone";
                case "alternateMobile" -> "alternatePhone";
                default -> "mobilePhone";
            };
            case "microsoftAuthenticatorAuthenticationMethod" -> "authenticatorApp";
            case "softwareOathAuthenticationMethod", "hardwareOathAuthenticationMethod" -> "oathToken";
            case "fido2AuthenticationMethod" -> "securityKey";
            case "windowsHelloForBusinessAuthenticationMethod", "platformCredentialAuthenticationMethod" ->
                    "windowsHello";
            case "emailAuthenticationMethod" -> "email";
            default -> "";
        };
    }
}
