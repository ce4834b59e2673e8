package com.mfadesk.notify.helpdesk;

import com.mfadesk.common.graph.AppCredential;
import com.mfadesk.common.graph.CredentialExpiry;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Warns the help desk before the Graph client secret expires (GRAPH_CLIENT_SECRET_EXPIRES_AT), the usual way mail
 * integrations die without a sound: once when it enters the warning period, again on its last day.
 */
@Singleton
public class SecretExpiryWatch {

    private final AppCredential credential;
    private final HelpdeskAlerts alerts;
    private final Duration warnBefore;
    private final Clock clock;

    public SecretExpiryWatch(AppCredential credential, HelpdeskAlerts alerts,
                             @Value("${graph.client-secret-warning:14d}") Duration warnBefore, Clock clock) {
        this.credential = credential;
        this.alerts = alerts;
        this.warnBefore = warnBefore;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "6h", initialDelay = "30s")
    public void check() {
        credential.expiry().ifPresent(this::warnIfNear);
    }

    private void warnIfNear(CredentialExpiry expiry) {
        Instant expiresAt = expiry.at();
        Instant now = clock.instant();
        if (now.isBefore(expiresAt.minus(warnBefore))) {
            return;
        }
        boolean lastDay = !now.isBefore(expiresAt.minus(Duration.ofDays(1)));
        LocalDate day = expiresAt.atZone(ZoneOffset.UTC).toLocalDate();
        alerts.raise("secret-expiry:" + day + (lastDay ? ":last" : ""),
                "The Graph client secret expires on " + day,
                "<p><b>The Graph client secret of MFA Desk expires at " + expiresAt + ".</b> Create a new secret "
                        + "in the app registration and set GRAPH_CLIENT_SECRET (and GRAPH_CLIENT_SECRET_EXPIRES_AT) "
                        + "before then, or answers stop.</p>");
    }
}
