package com.mfadesk.notify.graph;

import com.mfadesk.common.graph.GraphCalls;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.InternetMessageHeader;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.messages.item.reply.ReplyPostRequestBody;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

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

    private final GraphServiceClient graph;

    public Mailbox(GraphServiceClient graph) {
        this.graph = graph;
    }

    public Optional<String> findMessageId(String mailbox, String internetMessageId) {
        String filter = "internetMessageId eq '" + internetMessageId.replace("'", "''") + "'";
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

    /** Replies in the thread of {@code messageId}, addressed to {@code to} only (never to a Reply-To). */
    public void reply(String mailbox, String messageId, String to, String subject, String html, String caseId) {
        Message message = new Message();
        message.setSubject(subject);
        message.setToRecipients(List.of(recipient(to)));
        message.setInternetMessageHeaders(ourHeaders(caseId));
        ReplyPostRequestBody body = new ReplyPostRequestBody();
        body.getAdditionalData().put("message", message);
        body.getAdditionalData().put("comment", html);
        GraphCalls.run("reply to " + messageId,
                () -> graph.users().byUserId(mailbox).messages().byMessageId(messageId).reply().post(body));
    }

    public void send(String mailbox, String to, String subject, String html, String caseId) {
        Message message = new Message();
        message.setSubject(subject);
        message.setToRecipients(List.of(recipient(to)));
        ItemBody itemBody = new ItemBody();
        itemBody.setContentType(BodyType.Html);
        itemBody.setContent(html);
        message.setBody(itemBody);
        message.setInternetMessageHeaders(ourHeaders(caseId));
        SendMailPostRequestBody body = new SendMailPostRequestBody();
        body.getAdditionalData().put("message", message);
        body.getAdditionalData().put("saveToSentItems", true);
        body.setSaveToSentItems(null);
        GraphCalls.run("send mail to " + to, () -> graph.users().byUserId(mailbox).sendMail().post(body));
    }

    private static List<InternetMessageHeader> ourHeaders(String caseId) {
        return List.of(header(SUPPRESS_AUTO_RESPONSES, "All"), header(CASE_HEADER, caseId));
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
