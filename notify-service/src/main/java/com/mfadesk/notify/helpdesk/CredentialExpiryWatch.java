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
 * Warns the help desk before the app's Graph credential expires (the secret at GRAPH_CLIENT_SECRET_EXPIRES_AT, the
 * certificate at the end of its validity), the usual way mail integrations die without a sound: once when it enters
 * the warning period, again on its last day.
 */
@Singleton
public class CredentialExpiryWatch {

    private final AppCredential credential;
    private final HelpdeskAlerts alerts;
    private final Duration warnBefore;
    private final Clock clock;

    public CredentialExpiryWatch(AppCredential credential, HelpdeskAlerts alerts,
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
        String what = expiry.credential().label();
        // the key stays under HelpdeskAlerts' 36 characters with ":last", or the last day's alert would not go out
        String key = switch (expiry.credential()) {
            case CLIENT_SECRET -> "secret-expiry:";
            case CLIENT_CERTIFICATE -> "certificate-expiry:";
        };
        String renewal = switch (expiry.credential()) {
            case CLIENT_SECRET -> "Create a new secret in the app registration and set GRAPH_CLIENT_SECRET (and "
                    + "GRAPH_CLIENT_SECRET_EXPIRES_AT)";
            case CLIENT_CERTIFICATE -> "Upload a new certificate to the app registration and point "
                    + "GRAPH_CLIENT_CERTIFICATE at it";
        };
        alerts.raise(key + day + (lastDay ? ":last" : ""),
                "The Graph " + what + " expires on " + day,
                "<p><b>The Graph " + what + " of MFA Desk expires at " + expiresAt + ".</b> " + renewal
                        + " before then, or answers stop.</p>");
    }
}
