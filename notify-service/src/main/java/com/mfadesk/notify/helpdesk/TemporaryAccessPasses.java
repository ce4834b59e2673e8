package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.graph.AccountRecovery;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Temporary Access Passes as a once-per-escalation decision. The first request records that a pass is being issued
 * before Graph is asked, so a reload, a replayed form or a second API call finds the record and says who issued it
 * when, instead of creating another pass; another pass needs an explicit replace, which deletes the earlier one in
 * Graph first. Only for a verified requester, after the agent says the identity was verified out of band, on an
 * open escalation of the acting agent.
 */
@Singleton
public class TemporaryAccessPasses {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final EscalationDesk desk;
    private final IssuedPassRepository issued;
    private final AuditRepository audit;
    private final AccountRecovery recovery;
    private final Clock clock;

    public TemporaryAccessPasses(EscalationDesk desk, IssuedPassRepository issued, AuditRepository audit,
                                 AccountRecovery recovery, Clock clock) {
        this.desk = desk;
        this.issued = issued;
        this.audit = audit;
        this.recovery = recovery;
        this.clock = clock;
    }

    /** The pass goes back to the caller alone; the audit records that one was issued. */
    public AccountRecovery.IssuedPass issue(String ref, String actor, boolean identityVerified, int lifetimeMinutes,
                                            boolean replace) {
        if (!desk.get(ref).requesterVerified()) {
            throw new EscalationConflictException(
                    "the requester is not verified as an employee: no Temporary Access Pass");
        }
        if (!identityVerified) {
            throw new EscalationConflictException(
                    "verify the requester's identity out of band first (call-back, manager, in person)");
        }
        if (lifetimeMinutes < 10 || lifetimeMinutes > 43200) {
            throw new IllegalArgumentException("lifetimeMinutes must be between 10 and 43200");
        }
        Escalation escalation = desk.actingOn(ref, actor);
        String userId = desk.userIdOf(escalation);
        Instant now = clock.instant();
        Optional<IssuedPass> earlier = issued.findById(escalation.id());
        if (earlier.isPresent() && !replace) {
            throw alreadyIssued(earlier.get());
        }
        if (earlier.isPresent()) {
            if (earlier.get().methodId() != null) {
                recovery.deleteTemporaryAccessPass(userId, earlier.get().methodId());
            }
            issued.update(new IssuedPass(escalation.id(), null, actor, now));
        } else {
            reserve(new IssuedPass(escalation.id(), null, actor, now));
        }
        AccountRecovery.IssuedPass pass;
        try {
            pass = recovery.issueTemporaryAccessPass(userId, lifetimeMinutes);
        } catch (RuntimeException e) {
            // nothing was issued: the next request may try again
            issued.deleteById(escalation.id());
            throw e;
        }
        issued.update(new IssuedPass(escalation.id(), pass.methodId(), actor, now));
        audit.save(new AuditEntry(null, ref, actor, earlier.isPresent() ? "TAP_REPLACED" : "TAP_ISSUED",
                "lifetime " + pass.lifetimeMinutes() + " min, identity verified out of band", now));
        return pass;
    }

    /** The pass issued for an escalation, if any: the page says so instead of offering a second one. */
    public Optional<IssuedPass> issuedFor(Escalation escalation) {
        return issued.findById(escalation.id());
    }

    /** Two requests at once: the primary key lets one through; the other is a replay. */
    private void reserve(IssuedPass pass) {
        try {
            issued.save(pass);
        } catch (DataAccessException e) {
            throw issued.findById(pass.escalationId()).map(TemporaryAccessPasses::alreadyIssued).orElseThrow(() -> e);
        }
    }

    /** "A pass was issued at 2026-12-02 10:42 UTC by sam." */
    public static String describe(IssuedPass pass) {
        return "A pass was issued at " + WHEN.format(pass.issuedAt()) + " by " + pass.issuedBy() + ".";
    }

    private static EscalationConflictException alreadyIssued(IssuedPass pass) {
        return new EscalationConflictException(describe(pass).replace("A pass was issued", "A pass was already issued")
                + " Replace it explicitly to issue another.");
    }
}
