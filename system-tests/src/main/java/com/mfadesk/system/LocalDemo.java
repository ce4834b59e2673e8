package com.mfadesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The README's run command: the three services on an embedded database (H2, the {@code local} environment) and a
 * local Graph stand-in, fed the sample mails of {@code local/samples}; prints what the system did with each, then
 * keeps running until Ctrl-C.
 */
public final class LocalDemo {

    static final String TOKEN = "local-demo-token";
    static final String HELPDESK_USER = "helpdesk";
    static final String HELPDESK_PASSWORD = "helpdesk-demo";
    private static final int GRAPH_PORT = 8090;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new LocalDemo().run(root);
    }

    private void run(Path root) throws Exception {
        Path runDir = root.resolve("local/run");
        deleteRecursively(runDir);
        GraphStandIn graph = new GraphStandIn(GRAPH_PORT, root.resolve("local/users.json"));
        Map<String, Integer> ports = Map.of("intake", 8081, "guidance", 8082, "notify", 8083);
        System.out.println("Starting guidance, notify and intake (embedded H2 in " + runDir + ") ...");
        MfaDeskSystem system = MfaDeskSystem.start(root, environment(graph, ports), Map.of(), ports, runDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            graph.close();
            stopped.countDown();
        }));

        List<Row> rows = feed(root.resolve("local/samples"), system);
        awaitFinal(rows, system);
        printTable(rows, graph);
        System.out.println();
        System.out.println("Running until Ctrl-C:");
        System.out.println("  intake    " + system.service("intake").baseUrl()
                + "  (POST /api/v1/messages/email, bearer " + TOKEN + ")");
        System.out.println("  guidance  " + system.service("guidance").baseUrl() + "/api/v1/scenarios");
        System.out.println("  notify    " + system.service("notify").baseUrl() + "/helpdesk  (user " + HELPDESK_USER
                + ", password " + HELPDESK_PASSWORD + ")");
        System.out.println("  Graph stand-in  " + "http://127.0.0.1:" + GRAPH_PORT
                + "/__admin/requests  (everything that would have been sent)");
        System.out.println("  logs      " + runDir);
        stopped.await();
    }

    private static Map<String, String> environment(GraphStandIn graph, Map<String, Integer> ports) {
        Map<String, String> env = new HashMap<>();
        env.put("MICRONAUT_ENVIRONMENTS", "local");
        env.put("INTERNAL_API_TOKEN", TOKEN);
        env.put("GRAPH_BASE_URL", graph.baseUrl());
        env.put("GRAPH_TOKEN_URL", graph.tokenUrl());
        env.put("GRAPH_TENANT_ID", "c0c0c0c0-1111-4222-8333-444444444444");
        env.put("GRAPH_CLIENT_ID", "local-demo");
        env.put("GRAPH_CLIENT_SECRET", "local-demo");
        env.put("SUPPORT_MAILBOX", "support@contoso.com");
        env.put("ORG_DOMAINS", "contoso.com,contoso.co.uk");
        env.put("GUIDANCE_URL", "http://127.0.0.1:" + ports.get("guidance"));
        env.put("NOTIFY_URL", "http://127.0.0.1:" + ports.get("notify"));
        env.put("HELPDESK_TEAM_ID", "T1");
        env.put("HELPDESK_CHANNEL_ID", "C9");
        env.put("HELPDESK_MAILBOX", "helpdesk@contoso.com");
        env.put("HELPDESK_BOOTSTRAP_USER", HELPDESK_USER);
        env.put("HELPDESK_BOOTSTRAP_PASSWORD", HELPDESK_PASSWORD);
        return env;
    }

    private List<Row> feed(Path samples, MfaDeskSystem system) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> list = Files.list(samples)) {
            files = list.filter(p -> p.toString().endsWith(".eml")).sorted(Comparator.naturalOrder()).toList();
        }
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(system.service("intake").baseUrl() + "/api/v1/messages/email"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "message/rfc822")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            Row row = new Row(file.getFileName().toString(), body.path("caseId").asText(null),
                    body.path("status").asText(response.statusCode() + " " + body.path("detail").asText()));
            row.ignoreReason = body.path("reason").asText(null);
            rows.add(row);
        }
        return rows;
    }

    private void awaitFinal(List<Row> rows, MfaDeskSystem system) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        for (Row row : rows) {
            if (!"ACCEPTED".equals(row.status)) {
                continue;
            }
            while (Instant.now().isBefore(deadline)) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(system.service("notify").baseUrl() + "/api/v1/cases/" + row.caseId))
                        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode state = json.readTree(response.body());
                    row.scenario = state.path("scenario").asText();
                    row.action = state.path("action").asText();
                    row.escalationRef = state.path("escalationRef").asText(null);
                    if (!"PENDING".equals(row.action)) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
        }
        Thread.sleep(1000); // let the outbox send the last answers
    }

    private void printTable(List<Row> rows, GraphStandIn graph) {
        List<LoggedRequest> outgoing = graph.outgoing();
        String format = "%-36s %-9s %-18s %-10s %s%n";
        System.out.println();
        System.out.printf(format, "message", "intake", "scenario", "action", "reply (first line) / escalation");
        System.out.printf(format, "-------", "------", "--------", "------", "--------------------------------");
        for (Row row : rows) {
            String detail = row.ignoreReason != null ? "not answered: " + row.ignoreReason
                    : row.escalationRef != null ? row.escalationRef + "  " + acknowledgement(outgoing, row)
                    : firstLine(outgoing, row);
            System.out.printf(format, row.file, row.status, nullToDash(row.scenario), nullToDash(row.action), detail);
        }
    }

    private String acknowledgement(List<LoggedRequest> outgoing, Row row) {
        String line = firstLine(outgoing, row);
        return "-".equals(line) ? "(no message to the sender: not verified as an employee)" : "acknowledged: " + line;
    }

    /** The first sentence after the greeting of the message sent to the user for this case, if any. */
    private String firstLine(List<LoggedRequest> outgoing, Row row) {
        if (row.caseId == null) {
            return "-";
        }
        for (LoggedRequest request : outgoing) {
            String body = request.getBodyAsString();
            if (!body.contains(row.caseId) || body.contains("helpdesk@contoso.com") || request.getUrl().contains("/C9/")) {
                continue;
            }
            try {
                JsonNode node = json.readTree(body);
                String html = node.path("comment").asText(node.path("message").path("body").path("content").asText());
                String[] paragraphs = html.split("</p>");
                String text = paragraphs.length > 1 ? paragraphs[1] : paragraphs[0];
                return text.replaceAll("<[^>]+>", " ").replace("&#39;", "'").replace("&amp;", "&")
                        .replaceAll("\\s+", " ").trim();
            } catch (IOException e) {
                return "(unreadable request body)";
            }
        }
        return "-";
    }

    private static String nullToDash(String value) {
        return value == null ? "-" : value;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static final class Row {
        final String file;
        final String caseId;
        final String status;
        String scenario;
        String action;
        String escalationRef;
        String ignoreReason;

        Row(String file, String caseId, String status) {
            this.file = file;
            this.caseId = caseId;
            this.status = status;
        }
    }
}
