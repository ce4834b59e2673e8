package com.mfadesk.notify.security;

import com.mfadesk.notify.helpdesk.HelpdeskUser;
import com.mfadesk.notify.helpdesk.HelpdeskUserRepository;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Checks a help desk user's password, for HTTP Basic and for the login form alike. An unknown user costs the same
 * KDF run as a known one, so timing does not tell which usernames exist.
 */
@Singleton
public class PasswordCheck {

    private final HelpdeskUserRepository users;
    private final PasswordHasher hasher;
    private final String decoyHash;

    public PasswordCheck(HelpdeskUserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
        this.decoyHash = hasher.hash("decoy password that matches nothing");
    }

    public Optional<HelpdeskUser> check(String username, String password) {
        if (username == null || password == null || username.length() > 100 || password.length() > 1000) {
            return Optional.empty();
        }
        Optional<HelpdeskUser> user = users.findById(username);
        boolean matches = hasher.matches(password, user.map(HelpdeskUser::passwordHash).orElse(decoyHash));
        return matches ? user : Optional.empty();
    }
}
