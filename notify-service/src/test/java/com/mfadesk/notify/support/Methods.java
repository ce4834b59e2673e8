package com.mfadesk.notify.support;

/** Graph authentication method objects, as GET /users/{id}/authentication/methods returns them. */
public final class Methods {

    private Methods() {
    }

    public static String password() {
        return "{\"@odata.type\":\"#microsoft.graph.passwordAuthenticationMethod\","
                + "\"id\":\"28c10230-6103-485e-b985-444c60001490\"}";
    }

    public static String mobile(String number) {
        return phone("3179e48a-750b-4051-897c-87b9720928f7", number, "mobile");
    }

    public static String office(String number) {
        return phone("e37fc753-ff3b-4958-9484-eaa9425c82bc", number, "office");
    }

    public static String authenticator(String device) {
        return "{\"@odata.type\":\"#microsoft.graph.microsoftAuthenticatorAuthenticationMethod\","
                + "\"id\":\"" + java.util.UUID.nameUUIDFromBytes(device.getBytes()) + "\",\"displayName\":\""
                + device + "\"}";
    }

    public static String fido2() {
        return "{\"@odata.type\":\"#microsoft.graph.fido2AuthenticationMethod\","
                + "\"id\":\"b0b1b2b3-0000-4000-8000-00000000f1d0\",\"displayName\":\"YubiKey 5\"}";
    }

    private static String phone(String id, String number, String type) {
        return "{\"@odata.type\":\"#microsoft.graph.phoneAuthenticationMethod\",\"id\":\"" + id
                + "\",\"phoneNumber\":\"" + number + "\",\"phoneType\":\"" + type + "\"}";
    }
}
