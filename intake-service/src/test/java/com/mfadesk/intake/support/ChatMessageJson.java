package com.mfadesk.intake.support;

import java.time.Instant;

/**
 * A Graph {@code chatMessage} as {@code GET} on its resource returns it, built for one test:
 * {@code ChatMessageJson.channelPost("T1", "C1", id).from(userId, "Wendy Liu").html("<p>…</p>")}. By default the
 * sender is an {@code aadUser} of the corpus tenant, created now, type {@code message}.
 */
public final class ChatMessageJson {

    private final String teamId;
    private final String channelId;
    private final String chatId;
    private final String id;
    private final String replyToId;
    private String messageType = "message";
    private Instant created = Instant.now();
    private Instant lastEdited;
    private Instant deleted;
    private String from = user("0f0f0f0f-aaaa-4bbb-8ccc-000000000001", "Test User", "aadUser",
            GraphTeamsStub.TENANT_ID);
    private String content = "<p>I cannot sign in, no code arrives on my phone.</p>";

    private ChatMessageJson(String teamId, String channelId, String chatId, String id, String replyToId) {
        this.teamId = teamId;
        this.channelId = channelId;
        this.chatId = chatId;
        this.id = id;
        this.replyToId = replyToId;
    }

    public static ChatMessageJson channelPost(String teamId, String channelId, String id) {
        return new ChatMessageJson(teamId, channelId, null, id, null);
    }

    public static ChatMessageJson channelReply(String teamId, String channelId, String rootId, String id) {
        return new ChatMessageJson(teamId, channelId, null, id, rootId);
    }

    public static ChatMessageJson chatMessage(String chatId, String id) {
        return new ChatMessageJson(null, null, chatId, id, null);
    }

    /** An aadUser of our tenant. */
    public ChatMessageJson from(String userId, String displayName) {
        return fromUser(userId, displayName, "aadUser", GraphTeamsStub.TENANT_ID);
    }

    /** Any user identity; {@code identityType} or {@code tenantId} null leaves the field out. */
    public ChatMessageJson fromUser(String userId, String displayName, String identityType, String tenantId) {
        this.from = user(userId, displayName, identityType, tenantId);
        return this;
    }

    /** An app or bot ({@code from.application}, {@code from.user} null). */
    public ChatMessageJson fromApplication(String appId, String displayName) {
        this.from = "{\"application\":{\"@odata.type\":\"#microsoft.graph.teamworkApplicationIdentity\","
                + "\"id\":" + str(appId) + ",\"displayName\":" + str(displayName)
                + ",\"applicationIdentityType\":\"bot\"},\"device\":null,\"user\":null}";
        return this;
    }

    public ChatMessageJson html(String html) {
        this.content = html;
        return this;
    }

    public ChatMessageJson messageType(String messageType) {
        this.messageType = messageType;
        return this;
    }

    public ChatMessageJson created(Instant created) {
        this.created = created;
        return this;
    }

    public ChatMessageJson edited(Instant lastEdited) {
        this.lastEdited = lastEdited;
        return this;
    }

    public ChatMessageJson deleted(Instant deleted) {
        this.deleted = deleted;
        return this;
    }

    public String id() {
        return id;
    }

    /** The resource as a change notification names it. */
    public String resource() {
        if (chatId != null) {
            return "chats('" + chatId + "')/messages('" + id + "')";
        }
        String root = "teams('" + teamId + "')/channels('" + channelId + "')/messages('"
                + (replyToId != null ? replyToId : id) + "')";
        return replyToId != null ? root + "/replies('" + id + "')" : root;
    }

    public String json() {
        return "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#" + resource().replace("\"", "")
                + "/$entity\","
                + "\"id\":" + str(id) + ",\"replyToId\":" + str(replyToId) + ",\"etag\":" + str(id)
                + ",\"messageType\":" + str(messageType)
                + ",\"createdDateTime\":" + str(created.toString())
                + ",\"lastModifiedDateTime\":" + str((lastEdited != null ? lastEdited : created).toString())
                + ",\"lastEditedDateTime\":" + str(lastEdited == null ? null : lastEdited.toString())
                + ",\"deletedDateTime\":" + str(deleted == null ? null : deleted.toString())
                + ",\"subject\":null,\"summary\":null,\"chatId\":" + str(chatId)
                + ",\"importance\":\"normal\",\"locale\":\"en-us\",\"webUrl\":null,\"policyViolation\":null"
                + ",\"eventDetail\":null,\"from\":" + from
                + ",\"body\":{\"contentType\":\"html\",\"content\":" + str(content) + "}"
                + ",\"channelIdentity\":" + (chatId != null ? "null"
                : "{\"teamId\":" + str(teamId) + ",\"channelId\":" + str(channelId) + "}")
                + ",\"attachments\":[],\"mentions\":[],\"reactions\":[],\"messageHistory\":[]}";
    }

    private static String user(String userId, String displayName, String identityType, String tenantId) {
        return "{\"application\":null,\"device\":null,\"user\":{\"@odata.type\":\"#microsoft.graph.teamworkUserIdentity\","
                + "\"id\":" + str(userId) + ",\"displayName\":" + str(displayName)
                + (identityType == null ? "" : ",\"userIdentityType\":" + str(identityType))
                + (tenantId == null ? "" : ",\"tenantId\":" + str(tenantId)) + "}}";
    }

    /** A JSON string literal, or null. */
    static String str(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
