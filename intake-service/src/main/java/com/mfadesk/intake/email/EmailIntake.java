package com.mfadesk.intake.email;

import com.mfadesk.intake.cases.AttachmentInfo;
import com.mfadesk.intake.cases.AttachmentList;
import com.mfadesk.intake.cases.CaseRegistration;
import com.mfadesk.intake.cases.CaseRegistry;
import com.mfadesk.vocabulary.Channel;
import com.mfadesk.intake.cases.ExternalIds;
import com.mfadesk.intake.cases.InboundCase;
import com.mfadesk.intake.cases.InboundCaseRepository;
import com.mfadesk.intake.cases.IntakeStatus;
import com.mfadesk.intake.cases.OrganisationConfiguration;
import com.mfadesk.intake.cases.SupportMailboxConfiguration;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Takes one raw mail in, whatever door it came through (HTTP or IMAP). */
@Singleton
public class EmailIntake {

    static final String OWN_MESSAGE = "OWN_MESSAGE";

    private final EmailParser parser;
    private final CaseRegistry registry;
    private final InboundCaseRepository cases;
    private final OrganisationConfiguration organisation;
    private final SupportMailboxConfiguration support;
    private final AttachmentList attachments;
    private final Clock clock;

    public EmailIntake(EmailParser parser, CaseRegistry registry, InboundCaseRepository cases,
                       OrganisationConfiguration organisation, SupportMailboxConfiguration support,
                       AttachmentList attachments, Clock clock) {
        this.parser = parser;
        this.registry = registry;
        this.cases = cases;
        this.organisation = organisation;
        this.support = support;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** @throws UnreadableEmailException when the bytes are not a mail with a sender */
    public CaseRegistration take(byte[] raw) {
        return take(raw, null);
    }

    /**
     * @param graphMessageId the support mailbox's id of the mail, when it came through Graph
     * @throws UnreadableEmailException when the bytes are not a mail with a sender
     */
    public CaseRegistration take(byte[] raw, String graphMessageId) {
        ParsedEmail mail = parser.parse(raw);
        String externalId = mail.messageId() == null ? ExternalIds.ofRawBytes(raw) : ExternalIds.normalize(mail.messageId());
        String ignoreReason = ignoreReasonOf(mail);
        boolean verified = organisation.isOrganisationAddress(mail.fromAddress()) && !mail.authenticationFailed();
        String conversationKey = ConversationKeys.ofThreadIndex(mail.threadIndex()).orElse(null);
        InboundCase inbound = new InboundCase(UUID.randomUUID().toString(), Channel.EMAIL, externalId,
                ignoreReason == null ? IntakeStatus.ACCEPTED : IntakeStatus.IGNORED, ignoreReason,
                verified ? threadCaseOf(mail, conversationKey) : null, mail.fromAddress(), mail.fromName(), verified, null,
                mail.subject(), mail.newText(), mail.messageId(), null, null, null, null, mail.bulk(),
                clock.instant(), conversationKey, attachments.toJson(mail.attachments().stream()
                .map(a -> new AttachmentInfo(a.name(), a.contentType(), a.size(), null)).toList()), graphMessageId);
        return registry.register(inbound, raw);
    }

    private String ignoreReasonOf(ParsedEmail mail) {
        if (mail.isOwnReply() || mail.isFrom(support.mailbox())) {
            return OWN_MESSAGE;
        }
        return mail.ignoreReason() == null ? null : mail.ignoreReason().name();
    }

    /**
     * The conversation a verified reply belongs to: In-Reply-To first, then References from the newest back; when a
     * client dropped both, Outlook's Thread-Index, then the case tag of our answer's subject. Only the case's own
     * requester continues it: anyone can copy a Message-ID, a tag or a Thread-Index, and a colleague's "same here"
     * is a case about the colleague's own methods.
     */
    private String threadCaseOf(ParsedEmail mail, String conversationKey) {
        return byReferences(mail).filter(c -> sameRequester(c, mail))
                .or(() -> Optional.ofNullable(conversationKey)
                        .flatMap(key -> cases.findFirstByChannelAndConversationKeyOrderByReceivedAt(Channel.EMAIL, key))
                        .filter(c -> sameRequester(c, mail)))
                .or(() -> ConversationKeys.caseTagIn(mail.subject())
                        .flatMap(tag -> cases.findFirstByChannelAndIdStartsWithOrderByReceivedAt(Channel.EMAIL, tag))
                        .filter(c -> sameRequester(c, mail)))
                .map(InboundCase::rootCaseId)
                .orElse(null);
    }

    private static boolean sameRequester(InboundCase earlier, ParsedEmail mail) {
        return earlier.senderAddress() != null && earlier.senderAddress().equalsIgnoreCase(mail.fromAddress());
    }

    private Optional<InboundCase> byReferences(ParsedEmail mail) {
        List<String> candidates = new ArrayList<>(mail.inReplyTo());
        List<String> references = new ArrayList<>(mail.references());
        Collections.reverse(references);
        candidates.addAll(references);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = candidates.stream().map(ExternalIds::normalize).distinct().toList();
        Map<String, InboundCase> known = cases.findByChannelAndExternalIdInList(Channel.EMAIL, ids).stream()
                .collect(Collectors.toMap(InboundCase::externalId, Function.identity(), (a, b) -> a));
        return ids.stream().map(known::get).filter(c -> c != null).findFirst();
    }
}
