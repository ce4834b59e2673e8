package com.mfadesk.notify.helpdesk.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of the overview page, read straight from the tables: cases by scenario and action (by the time
 * notify decided them), the share answered without a human, median times, and the outbox with its dead letters.
 */
@Singleton
public class Overview {

    private static final Logger LOG = LoggerFactory.getLogger(Overview.class);
    static final List<String> ACTIONS = List.of("REPLIED", "ESCALATED", "IGNORED", "PENDING");

    private final DataSource dataSource;
    private final Clock clock;

    Overview(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Transactional
    public Figures figures() {
        Instant now = clock.instant();
        Instant today = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant week = now.minus(Duration.ofDays(7));
        try (Connection connection = dataSource.getConnection()) {
            Period todays = period(connection, today);
            Period weeks = period(connection, week);
            Map<String, Long> outbox = new TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT status, COUNT(*) FROM outbox GROUP BY status");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    outbox.put(rows.getString(1), rows.getLong(2));
                }
            }
            return new Figures(todays, weeks, outbox, deadLetters(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the overview failed", e);
        }
    }

    /** Puts a dead-lettered entry back in line, due now; true if it was dead. */
    @Transactional
    public boolean retry(long outboxId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("UPDATE outbox SET status = 'PENDING', "
                     + "next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, done_at = NULL "
                     + "WHERE id = ? AND status = 'DEAD'")) {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setLong(2, outboxId);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("retrying outbox entry " + outboxId + " failed", e);
        }
    }

    private Period period(Connection connection, Instant since) throws SQLException {
        Map<String, Map<String, Long>> byScenario = new TreeMap<>();
        Map<String, Long> byAction = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT scenario, action, COUNT(*) "
                + "FROM support_case WHERE COALESCE(decided_at, received_at) >= ? GROUP BY scenario, action")) {
            statement.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long count = rows.getLong(3);
                    byScenario.computeIfAbsent(rows.getString(1), s -> new TreeMap<>())
                            .merge(rows.getString(2), count, Long::sum);
                    byAction.merge(rows.getString(2), count, Long::sum);
                }
            }
        }
        long replied = byAction.getOrDefault("REPLIED", 0L);
        long escalated = byAction.getOrDefault("ESCALATED", 0L);
        Integer shareWithoutHuman = replied + escalated == 0 ? null
                : (int) Math.round(100.0 * replied / (replied + escalated));
        Duration toAnswer = median(durations(connection, "SELECT c.received_at, o.done_at FROM support_case c "
                + "JOIN outbox o ON o.case_id = c.id AND o.kind = 'USER_MESSAGE' AND o.status = 'DONE' "
                + "WHERE c.action = 'REPLIED' AND c.decided_at >= ?", since));
        Duration toResolve = median(durations(connection, "SELECT created_at, updated_at FROM escalation "
                + "WHERE status = 'RESOLVED' AND updated_at >= ?", since));
        return new Period(byScenario, byAction, shareWithoutHuman, format(toAnswer), format(toResolve));
    }

    private static List<Duration> durations(Connection connection, String sql, Instant since) throws SQLException {
        List<Duration> durations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp from = rows.getTimestamp(1);
                    Timestamp to = rows.getTimestamp(2);
                    if (from != null && to != null && !to.before(from)) {
                        durations.add(Duration.between(from.toInstant(), to.toInstant()));
                    }
                }
            }
        }
        return durations;
    }

    private static List<DeadLetter> deadLetters(Connection connection) throws SQLException {
        List<DeadLetter> dead = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, case_id, kind, attempts, "
                + "last_error, done_at FROM outbox WHERE status = 'DEAD' ORDER BY id DESC LIMIT 100");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Timestamp at = rows.getTimestamp("done_at");
                dead.add(new DeadLetter(rows.getLong("id"), rows.getString("case_id"), rows.getString("kind"),
                        rows.getInt("attempts"), rows.getString("last_error"), at == null ? null : at.toInstant()));
            }
        }
        return dead;
    }

    @Nullable
    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    static String format(@Nullable Duration duration) {
        if (duration == null) {
            return "–";
        }
        if (duration.toMinutes() < 1) {
            return duration.toSeconds() + " s";
        }
        if (duration.toHours() < 1) {
            return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
        }
        return PageModel.age(Instant.EPOCH, Instant.EPOCH.plus(duration));
    }

    void logRetry(String actor, long id) {
        LOG.info("outbox entry {} put back in line by {}", id, actor);
    }

    public record Figures(Period today, Period week, Map<String, Long> outbox, List<DeadLetter> deadLetters) {
    }

    public record Period(Map<String, Map<String, Long>> byScenario, Map<String, Long> byAction,
                  @Nullable Integer shareWithoutHuman, String medianToAnswer, String medianToResolve) {
    }

    public record DeadLetter(long id, String caseId, String kind, int attempts, @Nullable String lastError,
                      @Nullable Instant at) {
    }
}
