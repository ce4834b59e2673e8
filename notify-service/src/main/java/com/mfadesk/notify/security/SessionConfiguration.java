package com.mfadesk.notify.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Browser sessions of the help desk UI.
 *
 * @param idleTimeout  a session unused this long is gone
 * @param maxAge       a session older than this is gone, however busy
 * @param secureCookie the Secure attribute; browsers accept it on http://localhost, so only turn it off behind a
 *                     plain-HTTP address that is not loopback (never in production)
 */
@ConfigurationProperties("helpdesk.session")
public record SessionConfiguration(
        @Bindable(defaultValue = "30m") Duration idleTimeout,
        @Bindable(defaultValue = "12h") Duration maxAge,
        @Bindable(defaultValue = "true") boolean secureCookie) {
}
