package com.mfadesk.intake.notifications;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The secret every subscription carries (TEAMS_CLIENT_STATE, for mail too) and Graph echoes in each notification:
 * the notification endpoints cannot be given a bearer token, so this is how a notification is known to be Graph's.
 */
@Singleton
public class ClientState {

    private final String value;

    public ClientState(@Value("${teams.client-state:}") String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Compared in constant time: the endpoints are public. */
    public boolean accepts(String notificationClientState) {
        return !value.isBlank() && notificationClientState != null
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                notificationClientState.getBytes(StandardCharsets.UTF_8));
    }
}
