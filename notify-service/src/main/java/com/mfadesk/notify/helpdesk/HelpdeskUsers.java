package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.security.Caller;
import com.mfadesk.notify.security.PasswordHasher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/** The help desk's accounts: only an ADMIN adds one; passwords are kept as PBKDF2 hashes only. */
@Singleton
public class HelpdeskUsers {

    private static final Logger LOG = LoggerFactory.getLogger(HelpdeskUsers.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");
    static final int MIN_PASSWORD = 12;
    private static final Set<String> ROLES = Set.of(HelpdeskUser.AGENT, HelpdeskUser.ADMIN);

    private final HelpdeskUserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public HelpdeskUsers(HelpdeskUserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    public List<HelpdeskUser> all() {
        return StreamSupport.stream(users.findAll().spliterator(), false)
                .sorted(java.util.Comparator.comparing(HelpdeskUser::username)).toList();
    }

    public HelpdeskUser add(Caller admin, @Nullable String username, @Nullable String password,
                            @Nullable String role) {
        admin.requireAdmin();
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a username is 2 to 100 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 1000) {
            throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD + " characters");
        }
        if (role == null || !ROLES.contains(role)) {
            throw new IllegalArgumentException("the role is AGENT or ADMIN");
        }
        if (users.existsById(username)) {
            throw new EscalationConflictException("the user " + username + " exists already");
        }
        HelpdeskUser user = users.save(new HelpdeskUser(username, hasher.hash(password), role, clock.instant()));
        LOG.info("help desk user {} ({}) added by {}", username, role, admin.name());
        return user;
    }
}
