package com.mfadesk.notify.cases;

import com.mfadesk.vocabulary.Scenario;
import com.mfadesk.notify.graph.RegisteredMethod;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The "usable alternate methods" table of SCENARIOS.md: which registered methods still work in the user's situation,
 * described for the user with phone numbers masked to their last two digits.
 */
@Singleton
public class AlternateMethods {

    /**
     * @param outOfReach method types (guidance's ids) the user says they cannot use now: SCENARIOS.md rule 5's
     *                   "can't use any of them" read per method, so a registered method among them is no alternate
     */
    public List<Alternate> usableFor(String scenario, List<RegisteredMethod> methods, Set<String> outOfReach) {
        boolean phoneMissing = Scenario.orOther(scenario).phoneMissing();
        List<Alternate> usable = new ArrayList<>();
        long authenticatorApps = methods.stream()
                .filter(m -> "microsoftAuthenticatorAuthenticationMethod".equals(m.type())).count();
        for (RegisteredMethod method : methods) {
            if (outOfReach.contains(OutOfReach.typeOf(method))) {
                continue;
            }
            String kind = method.type().replace("AuthenticationMethod", "");
            switch (method.type()) {
                case "phoneAuthenticationMethod" -> {
                    if (!"mobile".equals(method.phoneType())) {
                        usable.add(new Alternate(method.phoneType(), lastTwoDigits(method.phoneNumber())));
                    }
                }
                case "microsoftAuthenticatorAuthenticationMethod", "softwareOathAuthenticationMethod" -> {
                    if (!phoneMissing) {
                        usable.add(new Alternate(kind, null));
                    }
                }
                case "fido2AuthenticationMethod", "hardwareOathAuthenticationMethod",
                     "windowsHelloForBusinessAuthenticationMethod", "platformCredentialAuthenticationMethod" ->
                        usable.add(new Alternate(kind, null));
                case "temporaryAccessPassAuthenticationMethod" -> {
                    if (method.usable()) {
                        usable.add(new Alternate(kind, null));
                    }
                }
                default -> {
                    // password and email are not second factors; unknown types are never guessed usable
                }
            }
        }
        // a second Authenticator registration is a second device, which is not the missing phone; "the app is gone"
        // said with the phone missing speaks of the app on that phone, not of the tablet's
        if (phoneMissing && authenticatorApps >= 2) {
            usable.add(new Alternate("otherAuthenticatorDevice", null));
        }
        return usable.stream().distinct().toList();
    }

    /** Every registered method, masked, for the help desk. */
    public String summarize(List<RegisteredMethod> methods) {
        if (methods.isEmpty()) {
            return "none registered";
        }
        return methods.stream().map(AlternateMethods::describe).collect(Collectors.joining("; "));
    }

    private static String describe(RegisteredMethod method) {
        return switch (method.type()) {
            case "phoneAuthenticationMethod" -> describePhone(method);
            case "microsoftAuthenticatorAuthenticationMethod" -> "the Microsoft Authenticator app";
            case "softwareOathAuthenticationMethod" -> "codes from an authenticator app";
            case "fido2AuthenticationMethod" -> "a security key";
            case "hardwareOathAuthenticationMethod" -> "a hardware token";
            case "windowsHelloForBusinessAuthenticationMethod" -> "Windows Hello for Business";
            case "platformCredentialAuthenticationMethod" -> "your computer's platform credential";
            case "temporaryAccessPassAuthenticationMethod" -> "a Temporary Access Pass";
            case "passwordAuthenticationMethod" -> "password";
            case "emailAuthenticationMethod" -> "email (not a second factor)";
            default -> method.type();
        };
    }

    private static String describePhone(RegisteredMethod method) {
        String kind = switch (method.phoneType() == null ? "" : method.phoneType()) {
            case "alternateMobile" -> "alternate mobile phone";
            case "office" -> "office phone";
            default -> "mobile phone";
        };
        return "your " + kind + " ending in " + lastTwoDigits(method.phoneNumber());
    }

    static String lastTwoDigits(String number) {
        String digits = number == null ? "" : number.replaceAll("\\D", "");
        return digits.length() <= 2 ? "**" : digits.substring(digits.length() - 2);
    }
}
