package com.mfadesk.intake.teams;

import com.mfadesk.intake.cases.AttachmentInfo;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.models.ChatMessageAttachment;
import com.microsoft.graph.models.ItemBody;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Files attached to a post and images pasted into it become metadata; the text keeps only the words. */
class TeamsAttachmentsTest {

    @Test
    void filesAndHostedImagesAreListed() {
        ChatMessageAttachment file = new ChatMessageAttachment();
        file.setName("error.png");
        file.setContentType("reference");
        file.setContentUrl("https://contoso.sharepoint.com/sites/x/error.png");
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Html);
        body.setContent("<p>This error <img src=\"https://graph.microsoft.com/v1.0/teams/T1/channels/C1/messages/1/"
                + "hostedContents/aWQ=/$value\" alt=\"screenshot\"></p><attachment id=\"a1\"></attachment>");
        ChatMessage message = new ChatMessage();
        message.setAttachments(List.of(file));
        message.setBody(body);

        List<AttachmentInfo> found = TeamsText.attachmentsOf(message);

        assertEquals(2, found.size());
        assertEquals("error.png", found.get(0).name());
        assertEquals("screenshot", found.get(1).name());
        assertEquals("This error", TeamsText.of(body.getContent(), "html"));
    }
}
