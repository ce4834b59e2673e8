package com.mfadesk.notify.helpdesk.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every message of a conversation as notify received it: the first one and its follow-ups, oldest first. */
@Singleton
public class Thread {

    private final DataSource dataSource;

    Thread(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public List<Message> of(String caseId, @Nullable String threadCaseId) {
        String root = threadCaseId == null ? caseId : threadCaseId;
        String sql = "SELECT id, subject, message_text, scenario, action, reason, received_at FROM support_case "
                + "WHERE id = ? OR thread_case_id = ? ORDER BY received_at, id";
        List<Message> messages = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, root);
            statement.setString(2, root);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp received = rows.getTimestamp("received_at");
                    messages.add(new Message(rows.getString("id"), rows.getString("subject"),
                            rows.getString("message_text"), rows.getString("scenario"), rows.getString("action"),
                            rows.getString("reason"), received == null ? null : received.toInstant(),
                            caseId.equals(rows.getString("id"))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the thread of case " + caseId + " failed", e);
        }
        return messages;
    }

    public record Message(String caseId, @Nullable String subject, @Nullable String text, String scenario, String action,
                   @Nullable String reason, @Nullable Instant receivedAt, boolean current) {
    }
}
