package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.security.PasswordHasher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** Creates the first help desk user (an admin) from the environment when it does not exist yet. */
@Singleton
public class BootstrapUserCreator {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapUserCreator.class);

    private final HelpdeskConfiguration configuration;
    private final HelpdeskUserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public BootstrapUserCreator(HelpdeskConfiguration configuration, HelpdeskUserRepository users,
                                PasswordHasher hasher, Clock clock) {
        this.configuration = configuration;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        String username = configuration.bootstrapUser();
        String password = configuration.bootstrapPassword();
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            return;
        }
        if (!users.existsById(username)) {
            users.save(new HelpdeskUser(username, hasher.hash(password), HelpdeskUser.ADMIN, clock.instant()));
            LOG.info("created help desk user {}", username);
        }
    }
}
