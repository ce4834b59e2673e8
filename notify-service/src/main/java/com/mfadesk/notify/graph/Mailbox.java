package com.mfadesk.notify.graph;

import com.mfadesk.common.graph.GraphBatch;
import com.mfadesk.common.graph.GraphCalls;
import com.mfadesk.common.graph.GraphException;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.InternetMessageHeader;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.messages.item.reply.ReplyPostRequestBody;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The support mailbox: find a received mail, answer in its thread, or send a new mail. Action parameters go in as
 * additional data: the SDK's typed setters write them PascalCase ("Message", "Comment"), which Graph tolerates but
 * stricter proxies and stand-ins that follow the documented lower-case names do not.
 */
@Singleton
public class Mailbox {

    /** Asks Exchange not to send auto-replies back to us; Graph lets only X- headers through. */
    private static final String SUPPRESS_AUTO_RESPONSES = "X-Auto-Response-Suppress";
    /** Marks our own mail, so intake ignores it if it ever comes back in. */
    public static final String CASE_HEADER = "X-MFA-Desk-Case";
    /** A named MAPI property on our sent mail, filterable in Graph, unlike internet headers. */
    private static final String SEND_KEY_PROPERTY =
            "String {6f0b8a52-3c4e-4d59-9a7b-2e1f5c8d7a41} Name MfaDeskSendKey";

    private static final int LIST_PAGE = 1000;

    private final GraphServiceClient graph;
    private final GraphBatch batch;

    public Mailbox(GraphServiceClient graph, GraphBatch batch) {
        this.graph = graph;
        this.batch = batch;
    }

    public Optional<String> findMessageId(String mailbox, String internetMessageId) {
        String filter = filterFor(internetMessageId);
        var page = GraphCalls.call("find " + internetMessageId, () -> graph.users().byUserId(mailbox).messages()
                .get(rc -> {
                    rc.queryParameters.filter = filter;
                    rc.queryParameters.select = new String[] {"id"};
                }));
        if (page == null || page.getValue() == null || page.getValue().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(page.getValue().get(0).getId());
    }

    /**
     * Finds many received mails in one {@code $batch} call (at most {@link GraphBatch#MAX_REQUESTS}).
     *
     * @return Graph's id by Internet Message-ID, for the mails Graph found; a mail it did not find, or whose look-up
     *         it throttled, is missing, to be looked up alone when it is answered
     */
    public Map<String, String> findMessageIds(String mailbox, List<String> internetMessageIds) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (int i = 0; i < internetMessageIds.size(); i++) {
            urls.put(String.valueOf(i), "/users/" + encode(mailbox) + "/messages?$filter="
                    + encode(filterFor(internetMessageIds.get(i))) + "&$select=id");
        }
        Map<String, String> found = new HashMap<>();
        batch.get(urls).forEach((id, answer) -> {
            JsonNode value = answer.ok() && answer.body() != null ? answer.body().get("value") : null;
            if (value != null && value.isArray() && value.size() > 0 && value.get(0).get("id") != null) {
                found.put(internetMessageIds.get(Integer.parseInt(id)), value.get(0).get("id").coerceStringValue());
            }
        });
        return found;
    }

    /**
     * Lists the mails received since {@code since}, oldest first, a page of up to 1,000 per request, until every
     * wanted Message-ID was seen or {@code maxPages} pages were read: one request finds a whole backlog's mails.
     *
     * @return Graph's id by Internet Message-ID of every mail listed, wanted or not
     */
    public Map<String, String> listReceivedSince(String mailbox, Instant since, Set<String> wanted, int maxPages) {
        Map<String, String> listed = new HashMap<>();
        Set<String> missing = new HashSet<>(wanted);
        var messages = graph.users().byUserId(mailbox).messages();
        var page = GraphCalls.call("mails received since " + since, () -> messages.get(rc -> {
            rc.queryParameters.filter = "receivedDateTime ge " + DateTimeFormatter.ISO_INSTANT.format(since);
            rc.queryParameters.orderby = new String[] {"receivedDateTime"};
            rc.queryParameters.select = new String[] {"id", "internetMessageId"};
            rc.queryParameters.top = LIST_PAGE;
        }));
        for (int pages = 1; page != null && page.getValue() != null; pages++) {
            for (Message message : page.getValue()) {
                if (message.getInternetMessageId() != null && message.getId() != null) {
                    listed.put(message.getInternetMessageId(), message.getId());
                    missing.remove(message.getInternetMessageId());
                }
            }
            String next = page.getOdataNextLink();
            if (missing.isEmpty() || next == null || pages >= maxPages) {
                break;
            }
            page = GraphCalls.call("next page of mails", () -> messages.withUrl(next).get());
        }
        return listed;
    }

    private static String filterFor(String internetMessageId) {
        return "internetMessageId eq '" + internetMessageId.replace("'", "''") + "'";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Replies in the thread of {@code messageId}, addressed to {@code to} only (never to a Reply-To). */
    public void reply(String mailbox, String messageId, String to, String subject, String html, MailTag tag) {
        Message message = new Message();
        message.setSubject(subject);
        message.setToRecipients(List.of(recipient(to)));
        tag(message, tag);
        ReplyPostRequestBody body = new ReplyPostRequestBody();
        body.getAdditionalData().put("message", message);
        body.getAdditionalData().put("comment", html);
        GraphCalls.run("reply to " + messageId,
                () -> graph.users().byUserId(mailbox).messages().byMessageId(messageId).reply().post(body));
    }

    public void send(String mailbox, String to, String subject, String html, MailTag tag) {
        Message message = new Message();
        message.setSubject(subject);
        message.setToRecipients(List.of(recipient(to)));
        ItemBody itemBody = new ItemBody();
        itemBody.setContentType(BodyType.Html);
        itemBody.setContent(html);
        message.setBody(itemBody);
        tag(message, tag);
        SendMailPostRequestBody body = new SendMailPostRequestBody();
        body.getAdditionalData().put("message", message);
        body.getAdditionalData().put("saveToSentItems", true);
        body.setSaveToSentItems(null);
        GraphCalls.run("send mail to " + to, () -> graph.users().byUserId(mailbox).sendMail().post(body));
    }

    /**
     * Whether a mail with this tag is already in Sent Items: asked before sending again after a failure, since Graph
     * may have sent the first one although its answer never reached us (a time-out, a crash before the commit).
     */
    public boolean alreadySent(String mailbox, MailTag tag) {
        String filter = "singleValueExtendedProperties/any(ep: ep/id eq '" + SEND_KEY_PROPERTY
                + "' and ep/value eq '" + tag.sendKey().replace("'", "''") + "')";
        try {
            var page = GraphCalls.call("sent items for " + tag.sendKey(), () -> graph.users().byUserId(mailbox)
                    .mailFolders().byMailFolderId("sentitems").messages().get(rc -> {
                        rc.queryParameters.filter = filter;
                        rc.queryParameters.select = new String[] {"id"};
                    }));
            return page != null && page.getValue() != null && !page.getValue().isEmpty();
        } catch (GraphException e) {
            if (e.isTransient()) {
                throw e;
            }
            // a mailbox that cannot be searched this way: sending again is better than never answering
            return false;
        }
    }

    private static void tag(Message message, MailTag tag) {
        message.setInternetMessageHeaders(List.of(header(SUPPRESS_AUTO_RESPONSES, "All"),
                header(CASE_HEADER, tag.caseId())));
        SingleValueLegacyExtendedProperty sendKey = new SingleValueLegacyExtendedProperty();
        sendKey.setId(SEND_KEY_PROPERTY);
        sendKey.setValue(tag.sendKey());
        message.setSingleValueExtendedProperties(List.of(sendKey));
    }

    /** Marks our mail: the case (a header intake recognises) and the one send it is (a property Graph can find). */
    public record MailTag(String caseId, String sendKey) {
    }

    private static InternetMessageHeader header(String name, String value) {
        InternetMessageHeader header = new InternetMessageHeader();
        header.setName(name);
        header.setValue(value);
        return header;
    }

    private static Recipient recipient(String address) {
        EmailAddress email = new EmailAddress();
        email.setAddress(address);
        Recipient recipient = new Recipient();
        recipient.setEmailAddress(email);
        return recipient;
    }
}
