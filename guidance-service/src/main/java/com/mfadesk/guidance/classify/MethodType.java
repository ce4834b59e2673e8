package com.mfadesk.guidance.classify;

/** The kinds of sign-in method a user can say are out of reach; the id is what the API reports. */
public enum MethodType {
    OFFICE_PHONE("officePhone"),
    ALTERNATE_PHONE("alternatePhone"),
    SECURITY_KEY("securityKey"),
    AUTHENTICATOR_APP("authenticatorApp"),
    EMAIL("email"),
    OATH_TOKEN("oathToken"),
    WINDOWS_HELLO("windowsHello");

    private final String id;

    MethodType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
