package com.mfadesk.bench;

import com.mfadesk.intake.email.EmailParser;
import com.mfadesk.intake.email.ParsedEmail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Figure 3: POST /api/v1/messages/email at 16 concurrent clients against intake-service started from its jar on a
 * fresh MariaDB database, next to the database's own ceiling for the same writes (case row, raw message of the same
 * size and pipeline job in one transaction, 16 JDBC connections), both measured in this run on the same server.
 */
final class HttpRun {

    static final double TARGET_RATIO = 0.5;
    static final double TARGET_P99_MS = 100;
    private static final String ID_PLACEHOLDER = "000000000000";

    private HttpRun() {
    }

    /** Mail templates whose Message-ID gets a fresh 12-digit number for every request. */
    static final class Templates {
        final List<byte[]> mails = new ArrayList<>();
        final List<Integer> idOffsets = new ArrayList<>();
        final List<ParsedEmail> parsed = new ArrayList<>();

        Templates(String run, int size) {
            EmailParser parser = new EmailParser();
            for (int v = 0; v < Mails.REQUESTS.length; v++) {
                String id = "<bench-" + run + "-" + ID_PLACEHOLDER + "@mail.contoso.com>";
                byte[] mail = Mails.synthetic(size, v, id, "alex.morgan@contoso.com", "Alex Morgan");
                String text = new String(mail, StandardCharsets.US_ASCII);
                mails.add(mail);
                idOffsets.add(text.indexOf("Message-ID: ") + "Message-ID: <bench-".length() + run.length() + 1);
                parsed.add(parser.parse(mail));
            }
        }

        byte[] mail(long sequence) {
            int v = (int) (sequence % mails.size());
            byte[] copy = mails.get(v).clone();
            byte[] digits = String.format("%012d", sequence).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(digits, 0, copy, idOffsets.get(v), digits.length);
            return copy;
        }

        double averageBytes() {
            return mails.stream().mapToInt(m -> m.length).average().orElse(0);
        }
    }

    static void run(Report report, Path root) throws Exception {
        int clients = Integer.getInteger("bench.http.clients", 16);
        // intake's hot paths (MIME parse, JDBC writes) are still being compiled by C2 well after 5 s on a busy 2-core
        // machine (compiler threads took ~30 % of intake's CPU in the measured window); 40 s reaches steady state
        double warmup = Double.parseDouble(System.getProperty("bench.http.warmup-seconds", "40"));
        double seconds = Double.parseDouble(System.getProperty("bench.http.seconds", "20"));
        int size = Integer.getInteger("bench.http.mail-bytes", 4096);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String intakeDb = "bench_http_intake_" + suffix;
        String ceilingDb = "bench_http_ceiling_" + suffix;
        Templates templates = new Templates("http-" + suffix, size);
        Path runDir = root.resolve("bench/target/run-http");

        System.out.println();
        System.out.println("== 3. Intake over HTTP with the real database (" + clients + " clients, " + seconds
                + " s after " + warmup + " s warm-up, mails of " + Report.bytes(templates.averageBytes()) + ")");
        Load.Result intake;
        long intakeRssKb;
        Services.createDatabase(intakeDb);
        try (LimitedGraph graph = new LimitedGraph(0, 0, List.of());
             Services.StalledService downstream = new Services.StalledService()) {
            Map<String, String> env = new HashMap<>(commonEnvironment(graph));
            env.putAll(Services.datasource(intakeDb));
            env.put("GUIDANCE_URL", downstream.url());
            env.put("NOTIFY_URL", downstream.url());
            // extra variables for experiments, e.g. -Dbench.http.intake-env=DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=16
            for (String pair : System.getProperty("bench.http.intake-env", "").split(",")) {
                if (pair.contains("=")) {
                    env.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
                }
            }
            try (Services.Service service = Services.start(root, "intake", Services.freePort(), env, runDir)) {
                service.awaitHealthy(Duration.ofSeconds(120));
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                URI uri = URI.create(service.baseUrl() + "/api/v1/messages/email");
                intake = Load.run(clients, warmup, seconds, sequence -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "message/rfc822")
                            .header("Authorization", "Bearer " + Services.TOKEN)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(templates.mail(sequence))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 202 && response.body().contains("ACCEPTED");
                });
                intakeRssKb = service.peakRssKb();
            }

            Services.createDatabase(ceilingDb);
            for (String table : List.of("inbound_case", "raw_message", "pipeline_job")) {
                Services.sql("CREATE TABLE " + ceilingDb + "." + table + " LIKE " + intakeDb + "." + table);
            }
        }
        Load.Result ceiling = ceiling(ceilingDb, templates, clients, Math.min(warmup, 3), seconds);
        Services.dropQuietly(intakeDb);
        Services.dropQuietly(ceilingDb);

        double intakeRate = (intake.calls() - intake.errors()) / intake.seconds();
        double ceilingRate = (ceiling.calls() - ceiling.errors()) / ceiling.seconds();
        if (intake.errors() > 0) {
            report.note("intake HTTP run: " + intake.errors() + " of " + intake.calls() + " requests failed"
                    + (intake.firstError() == null ? "" : " (first: " + intake.firstError() + ")"));
        }
        report.atLeast("POST /api/v1/messages/email, " + clients + " clients: accepted/s",
                Report.f0(intakeRate) + "/s", "DB ceiling " + Report.f0(ceilingRate) + " txn/s", intakeRate / ceilingRate,
                TARGET_RATIO);
        report.atMost("POST /api/v1/messages/email: p99 latency", Report.f1(intake.p(99)) + " ms (p50 "
                + Report.f1(intake.p(50)) + ")", "target " + Report.f0(TARGET_P99_MS) + " ms (DB txn p50 "
                + Report.f1(ceiling.p(50)) + ", p99 " + Report.f1(ceiling.p(99)) + ")",
                intake.p(99) / TARGET_P99_MS, 1.0);
        report.info("intake peak RSS during the HTTP run", intakeRssKb / 1024 + " MiB");
    }

    static Map<String, String> commonEnvironment(LimitedGraph graph) {
        Map<String, String> env = new HashMap<>();
        env.put("MICRONAUT_ENVIRONMENTS", "prod");
        env.put("INTERNAL_API_TOKEN", Services.TOKEN);
        env.put("GRAPH_BASE_URL", graph.baseUrl());
        env.put("GRAPH_TOKEN_URL", graph.tokenUrl());
        env.put("GRAPH_TENANT_ID", Services.TENANT);
        env.put("GRAPH_CLIENT_ID", "bench-client");
        env.put("GRAPH_CLIENT_SECRET", "bench-secret");
        env.put("SUPPORT_MAILBOX", Mails.SUPPORT);
        env.put("ORG_DOMAINS", "contoso.com");
        return env;
    }

    /** The same three rows intake writes for an accepted mail, in one transaction, from 16 connections. */
    private static Load.Result ceiling(String database, Templates templates, int threads, double warmup,
                                       double seconds) throws Exception {
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection c = Services.connect(database);
                c.setAutoCommit(false);
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        Load.Result result = Load.run(threads, warmup, seconds, sequence -> {
            Connection c = connections.get();
            if (!opened.contains(c)) {
                opened.add(c);
            }
            int v = (int) (sequence % templates.mails.size());
            ParsedEmail mail = templates.parsed.get(v);
            byte[] raw = templates.mail(sequence);
            String id = UUID.randomUUID().toString();
            Timestamp now = Timestamp.from(Instant.now());
            try {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO inbound_case (id, channel, external_id, "
                        + "status, ignore_reason, thread_case_id, sender_address, sender_name, sender_verified, "
                        + "sender_user_id, subject, new_text, internet_message_id, teams_team_id, teams_channel_id, "
                        + "teams_root_id, teams_chat_id, bulk, received_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    String messageId = mail.messageId().replace(ID_PLACEHOLDER, String.format("%012d", sequence));
                    s.setString(1, id);
                    s.setString(2, "EMAIL");
                    s.setString(3, messageId.substring(1, messageId.length() - 1));
                    s.setString(4, "ACCEPTED");
                    s.setString(5, null);
                    s.setString(6, null);
                    s.setString(7, mail.fromAddress());
                    s.setString(8, mail.fromName());
                    s.setBoolean(9, true);
                    s.setString(10, null);
                    s.setString(11, mail.subject());
                    s.setString(12, mail.newText());
                    s.setString(13, messageId);
                    s.setString(14, null);
                    s.setString(15, null);
                    s.setString(16, null);
                    s.setString(17, null);
                    s.setBoolean(18, false);
                    s.setTimestamp(19, now);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO raw_message (case_id, content, size_bytes) VALUES (?,?,?)")) {
                    s.setString(1, id);
                    s.setBytes(2, raw);
                    s.setInt(3, raw.length);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO pipeline_job (case_id, stage, attempts, "
                        + "next_attempt_at, lease_owner, lease_until, guidance_json, last_error, created_at, done_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                    s.setString(1, id);
                    s.setString(2, "CLASSIFY");
                    s.setInt(3, 0);
                    s.setTimestamp(4, now);
                    s.setString(5, null);
                    s.setTimestamp(6, null);
                    s.setString(7, null);
                    s.setString(8, null);
                    s.setTimestamp(9, now);
                    s.setTimestamp(10, null);
                    s.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        });
        for (Connection c : opened) {
            c.close();
        }
        return result;
    }
}
