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
    private final LoginThrottle throttle;
    private final String decoyHash;

    public PasswordCheck(HelpdeskUserRepository users, PasswordHasher hasher, LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.decoyHash = hasher.hash("decoy password that matches nothing");
    }

    /**
     * @param clientAddress where the attempt comes from, for {@link LoginThrottle}
     * @throws LoginLockedException while the account or the address has to wait: no password is checked then
     */
    public Optional<HelpdeskUser> check(String username, String password, String clientAddress) {
        Optional<java.time.Duration> wait = throttle.wait(username, clientAddress);
        if (wait.isPresent()) {
            // a try while told to wait counts as a failure: hammering reaches the lock instead of probing each gap
            throttle.failed(username, clientAddress);
            throw new LoginLockedException(throttle.wait(username, clientAddress).orElse(wait.get()));
        }
        if (username == null || password == null || username.length() > 100 || password.length() > 1000) {
            throttle.failed(username, clientAddress);
            return Optional.empty();
        }
        Optional<HelpdeskUser> user = users.findById(username);
        boolean matches = hasher.matches(password, user.map(HelpdeskUser::passwordHash).orElse(decoyHash));
        if (matches) {
            throttle.succeeded(username, clientAddress);
            return user;
        }
        throttle.failed(username, clientAddress);
        return Optional.empty();
    }
}
