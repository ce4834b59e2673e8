package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.cases.Decision;
import com.mfadesk.notify.cases.EscalationReason;
import com.mfadesk.notify.cases.SupportCase;
import com.mfadesk.notify.cases.SupportCaseRepository;
import com.mfadesk.notify.graph.AccountRecovery;
import com.mfadesk.notify.graph.Directory;
import com.mfadesk.notify.graph.DirectoryUser;
import com.mfadesk.notify.outbox.Destinations;
import com.mfadesk.notify.outbox.OutboxEntry;
import com.mfadesk.notify.outbox.OutboxKind;
import com.mfadesk.notify.outbox.OutboxRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Opens escalations and carries out the help desk's actions on them, each one audited. */
@Singleton
public class EscalationDesk {

    static final String SYSTEM = "system";
    static final int MAX_NOTE = 2000;
    static final int MAX_MESSAGE = 4000;

    private final EscalationRepository escalations;
    private final AuditRepository audit;
    private final AccountRecovery recovery;
    private final Directory directory;
    private final OutboxRepository outbox;
    private final SupportCaseRepository cases;
    private final Destinations destinations;
    private final Clock clock;

    public EscalationDesk(EscalationRepository escalations, AuditRepository audit, AccountRecovery recovery,
                          Directory directory, OutboxRepository outbox, SupportCaseRepository cases,
                          Destinations destinations, Clock clock) {
        this.escalations = escalations;
        this.audit = audit;
        this.recovery = recovery;
        this.directory = directory;
        this.outbox = outbox;
        this.cases = cases;
        this.destinations = destinations;
        this.clock = clock;
    }

    /** Called inside the decision's transaction. */
    public Escalation open(SupportCase supportCase, Decision decision, Instant now) {
        Escalation saved = escalations.save(new Escalation(null, null, supportCase.id(), supportCase.channel(),
                decision.scenario(), decision.reason(), supportCase.requesterAddress(), supportCase.requesterName(),
                supportCase.requesterVerified() && !EscalationReason.UNVERIFIED_SENDER.equals(decision.reason()),
                supportCase.requesterUserId(), supportCase.messageText(),
                decision.methodsSeen(), Escalation.OPEN, null, null, now, now));
        Escalation withRef = escalations.update(saved.withRef(Escalation.refFor(saved.id())));
        audit.save(new AuditEntry(null, withRef.ref(), SYSTEM, "OPENED", decision.reason(), now));
        return withRef;
    }

    public List<Escalation> list(@Nullable String status) {
        return status == null || status.isBlank()
                ? escalations.findAllOrderByCreatedAt()
                : escalations.findByStatusOrderByCreatedAt(status);
    }

    public Escalation get(String ref) {
        return escalations.findByRef(ref).orElseThrow(() -> new EscalationNotFoundException(ref));
    }

    public List<AuditEntry> auditOf(String ref) {
        return audit.findByEscalationRefOrderById(ref);
    }

    /**
     * Claims an open escalation. One another agent has claimed is theirs: taking it over is an explicit, audited
     * step, never a side effect of clicking "claim".
     */
    @Transactional
    public Escalation claim(String ref, String actor, boolean takeOver) {
        Escalation escalation = get(ref);
        if (Escalation.RESOLVED.equals(escalation.status())) {
            throw new EscalationConflictException(ref + " is already resolved");
        }
        Instant now = clock.instant();
        boolean someoneElses = Escalation.CLAIMED.equals(escalation.status()) && !actor.equals(escalation.assignee());
        if (someoneElses && !takeOver) {
            throw new EscalationConflictException(ref + " is claimed by " + escalation.assignee()
                    + ": take it over explicitly if they cannot finish it");
        }
        Escalation claimed = escalations.update(escalation.withStatus(Escalation.CLAIMED, actor, null, now));
        audit.save(someoneElses
                ? new AuditEntry(null, ref, actor, "TAKEN_OVER", "from " + escalation.assignee(), now)
                : new AuditEntry(null, ref, actor, "CLAIMED", null, now));
        return claimed;
    }

    /**
     * The escalation an agent is about to act on for the user (pass, revocation, resolution): it must still be open,
     * and be theirs; an unclaimed one becomes theirs now, audited like a claim.
     */
    @Transactional
    public Escalation actingOn(String ref, String actor) {
        Escalation escalation = get(ref);
        if (Escalation.RESOLVED.equals(escalation.status())) {
            throw new EscalationConflictException(ref + " is resolved: nothing more is done for the user on it");
        }
        if (Escalation.CLAIMED.equals(escalation.status())) {
            if (!actor.equals(escalation.assignee())) {
                throw new EscalationConflictException(ref + " is claimed by " + escalation.assignee()
                        + ": take it over first");
            }
            return escalation;
        }
        return claim(ref, actor, false);
    }

    @Transactional
    public Escalation resolve(String ref, String actor, @Nullable String note) {
        return resolve(ref, actor, note, null);
    }

    /**
     * Resolves the escalation; a message for the user, when given, is queued in the same transaction through the
     * outbox and sent in the user's thread. One such message per case: the outbox is unique per (case, kind).
     */
    @Transactional
    public Escalation resolve(String ref, String actor, @Nullable String note, @Nullable String message) {
        String cleanNote = blankToNull(note);
        String cleanMessage = blankToNull(message);
        refusePasses(cleanNote);
        refusePasses(cleanMessage);
        Escalation escalation = actingOn(ref, actor);
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new IllegalArgumentException("the resolution note is longer than " + MAX_NOTE + " characters");
        }
        if (cleanMessage != null) {
            if (cleanMessage.length() > MAX_MESSAGE) {
                throw new IllegalArgumentException("the message is longer than " + MAX_MESSAGE + " characters");
            }
            if (escalation.requesterAddress() == null) {
                throw new EscalationConflictException("the requester has no address to write to");
            }
            boolean alreadySent = outbox.findByCaseId(escalation.caseId()).stream()
                    .anyMatch(entry -> entry.kind() == OutboxKind.RESOLUTION_MESSAGE);
            if (alreadySent) {
                throw new EscalationConflictException(ref + " already has its message to the user");
            }
        }
        Instant now = clock.instant();
        String assignee = escalation.assignee() == null ? actor : escalation.assignee();
        Escalation resolved = escalations.update(
                escalation.withStatus(Escalation.RESOLVED, assignee, cleanNote, now));
        audit.save(new AuditEntry(null, ref, actor, "RESOLVED", cleanNote, now));
        if (cleanMessage != null) {
            OutboxKind kind = OutboxKind.RESOLUTION_MESSAGE;
            outbox.save(OutboxEntry.pending(escalation.caseId(), kind, kind.priority(),
                    destinations.of(kind, cases.findById(escalation.caseId()).orElse(null)),
                    ResolutionMessage.html(escalation, cleanMessage), now));
            audit.save(new AuditEntry(null, ref, actor, "MESSAGE_QUEUED",
                    truncate(ResolutionMessage.maskPhoneNumbers(cleanMessage), MAX_NOTE), now));
        }
        return resolved;
    }

    /** A note for the team, kept in the audit trail; the user never sees it. */
    @Transactional
    public AuditEntry addNote(String ref, String actor, @Nullable String text) {
        get(ref);
        String note = blankToNull(text);
        if (note == null) {
            throw new IllegalArgumentException("the note is empty");
        }
        if (note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("the note is longer than " + MAX_NOTE + " characters");
        }
        refusePasses(note);
        return audit.save(new AuditEntry(null, ref, actor, "NOTE", note, clock.instant()));
    }

    public void revokeSessions(String ref, String actor) {
        if (!get(ref).requesterVerified()) {
            throw new EscalationConflictException("the requester is not verified as an employee");
        }
        Escalation escalation = actingOn(ref, actor);
        recovery.revokeSignInSessions(userIdOf(escalation));
        audit.save(new AuditEntry(null, ref, actor, "SESSIONS_REVOKED", null, clock.instant()));
    }

    private static void refusePasses(@Nullable String text) {
        if (PassShapes.containsPass(text)) {
            throw new IllegalArgumentException("this looks like it holds a Temporary Access Pass: give a pass by "
                    + "phone, never in writing (messages and notes are kept)");
        }
    }

    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    String userIdOf(Escalation escalation) {
        if (escalation.requesterUserId() != null) {
            return escalation.requesterUserId();
        }
        String address = escalation.requesterAddress();
        DirectoryUser user = (address == null ? java.util.Optional.<DirectoryUser>empty()
                : directory.findByAddress(address))
                .orElseThrow(() -> new EscalationConflictException("the requester is not in the directory"));
        escalations.update(escalation.withRequesterUserId(user.id()));
        return user.id();
    }
}
