package com.mfadesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures 4 and 5: a burst of N mails into the three services (jars as processes, real MariaDB) with a Graph
 * stand-in that enforces a requests-per-second limit and a per-mailbox sends-per-minute limit. Measures the time
 * until every case is final and answered against the least time those limits allow, the Graph calls per answered
 * case, the 429s provoked, lost and duplicate answers, and each service's peak RSS.
 */
final class E2eRun {

    static final double TARGET_RATIO = 1.25;
    static final double TARGET_CALLS_PER_CASE = 2.0;
    private static final Pattern ACTION = Pattern.compile("\"action\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private E2eRun() {
    }

    /**
     * @param backlogOnly the issue-6 drain: notify-service alone, handed its cases straight
     *                    ({@code POST /internal/v1/cases}, as intake does), so the figure is notify's drain of a
     *                    backlog against the stand-in's limits, without intake and guidance in front of it
     */
    static void run(Report report, Path root, boolean backlogOnly) throws Exception {
        String label = backlogOnly ? "drain" : "e2e";
        int count = Integer.getInteger("bench." + label + ".count", backlogOnly ? 1000 : 5000);
        int userCount = Integer.getInteger("bench.e2e.users", 500);
        double rps = Double.parseDouble(System.getProperty("bench.e2e.rps", "50"));
        double sendsPerMinute = Double.parseDouble(System.getProperty("bench.e2e.sends-per-minute", "1200"));
        int clients = Integer.getInteger("bench.e2e.clients", 16);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String intakeDb = "bench_e2e_intake_" + suffix;
        String notifyDb = "bench_e2e_notify_" + suffix;
        Path runDir = root.resolve("bench/target/run-" + label);

        List<LimitedGraph.User> users = directory(userCount, new Random(3));
        Map<String, Integer> methodMix = new TreeMap<>();
        users.forEach(u -> methodMix.merge(mixName(u.methodsJson()), 1, Integer::sum));

        System.out.println();
        System.out.println((backlogOnly ? "== 4b. Backlog drain (notify alone): " + count + " cases"
                : "== 4. End to end: " + count + " mails") + " from " + userCount + " users, Graph limited to "
                + Report.f0(rps) + " requests/s and " + Report.f0(sendsPerMinute) + " sends/min per mailbox");
        System.out.println("   users' methods: " + methodMix);

        Services.createDatabase(intakeDb);
        Services.createDatabase(notifyDb);
        List<Services.Service> services = new ArrayList<>();
        try (LimitedGraph graph = new LimitedGraph(rps, sendsPerMinute, users)) {
            Map<String, Integer> ports = Map.of("guidance", Services.freePort(), "notify", Services.freePort(),
                    "intake", Services.freePort());
            Map<String, String> env = new HashMap<>(HttpRun.commonEnvironment(graph));
            env.put("GUIDANCE_URL", "http://127.0.0.1:" + ports.get("guidance"));
            env.put("NOTIFY_URL", "http://127.0.0.1:" + ports.get("notify"));
            env.put("HELPDESK_TEAM_ID", "T1");
            env.put("HELPDESK_CHANNEL_ID", "C9");
            // notify paces itself to the stand-in's limits, as it would to Graph's real ones, sends a little under
            // (the stand-in counts arrivals, which jitter by milliseconds, and a 429 blocks the mailbox for a second);
            // the stand-in has no per-channel or per-mailbox request limit, so those are off
            env.put("GRAPH_LIMITS_REQUESTS_PER_SECOND", String.valueOf(Math.round(rps)));
            env.put("GRAPH_LIMITS_MAILBOX_SENDS_PER_MINUTE", String.valueOf(Math.round(sendsPerMinute * 0.95)));
            env.put("GRAPH_LIMITS_MAILBOX_SEND_BURST", String.valueOf(Math.max(1, Math.round(sendsPerMinute / 240))));
            env.put("GRAPH_LIMITS_MAILBOX_REQUESTS_PER_TEN_MINUTES", "0");
            env.put("GRAPH_LIMITS_CHANNEL_POSTS_PER_SECOND", "0");
            env.put("GRAPH_LIMITS_CHANNEL_POSTS_PER_DAY", "0");
            for (String name : backlogOnly ? List.of("notify") : List.of("guidance", "notify", "intake")) {
                Map<String, String> own = new HashMap<>(env);
                if (!name.equals("guidance")) {
                    own.putAll(Services.datasource(name.equals("intake") ? intakeDb : notifyDb));
                }
                services.add(Services.start(root, name, ports.get(name), own, runDir));
            }
            for (Services.Service service : services) {
                service.awaitHealthy(Duration.ofSeconds(180));
            }
            Services.Service notify = services.get(backlogOnly ? 0 : 1);

            // the mails, generated before the clock starts
            Random random = new Random(5);
            List<byte[]> mails = new ArrayList<>(count);
            List<String> messageIds = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                LimitedGraph.User user = users.get(random.nextInt(users.size()));
                String[] request = Mails.REQUESTS[random.nextInt(Mails.REQUESTS.length)];
                String messageId = "<bench-" + label + "-" + i + "-" + suffix + "@mail.contoso.com>";
                messageIds.add(messageId);
                mails.add(backlogOnly
                        ? handoff(messageId, user, SCENARIOS[random.nextInt(SCENARIOS.length)])
                        : Mails.synthetic(3 * 1024, i, messageId, user.upn(), user.displayName(), request[0],
                                request[1]));
            }

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI post = URI.create(backlogOnly ? notify.baseUrl() + "/internal/v1/cases"
                    : services.get(2).baseUrl() + "/api/v1/messages/email");
            String[] caseIds = new String[count];
            String[] statuses = new String[count];
            AtomicInteger next = new AtomicInteger();
            long t0 = System.nanoTime();
            List<Thread> posters = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Thread poster = new Thread(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        graph.received(messageIds.get(i));
                        for (int attempt = 0; attempt < 5 && caseIds[i] == null; attempt++) {
                            if (backlogOnly) {
                                handOver(http, post, mails.get(i), caseIds, statuses, i);
                                continue;
                            }
                            try {
                                HttpResponse<String> r = http.send(HttpRequest.newBuilder(post)
                                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "message/rfc822")
                                        .header("Authorization", "Bearer " + Services.TOKEN)
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(mails.get(i))).build(),
                                        HttpResponse.BodyHandlers.ofString());
                                Matcher id = CASE_ID.matcher(r.body());
                                Matcher status = STATUS.matcher(r.body());
                                if (id.find() && status.find()) {
                                    caseIds[i] = id.group(1);
                                    statuses[i] = status.group(1);
                                }
                            } catch (Exception e) {
                                System.err.println("post " + i + ": " + e);
                            }
                        }
                    }
                }, "e2e-post-" + c);
                posters.add(poster);
                poster.start();
            }
            for (Thread poster : posters) {
                poster.join();
            }
            double postSeconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Integer> intakeStatuses = new TreeMap<>();
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                intakeStatuses.merge(String.valueOf(statuses[i]), 1, Integer::sum);
                if ("ACCEPTED".equals(statuses[i])) {
                    accepted.add(caseIds[i]);
                }
            }
            System.out.printf("   burst posted in %.1f s (%s/s): %s%n", postSeconds, Report.f0(count / postSeconds),
                    intakeStatuses);

            // every accepted case final (notify GET /api/v1/cases/{id}), then every expected answer sent
            long estimate = (long) Math.max(count * 3.0 / rps, count / (sendsPerMinute / 60.0));
            long timeoutSeconds = Long.getLong("bench.e2e.timeout-seconds", Math.max(600, 4 * estimate + 120));
            long deadline = t0 + timeoutSeconds * 1_000_000_000L;
            Map<String, String> actions = new ConcurrentHashMap<>();
            long lastFinal = t0;
            int progressEvery = Math.max(1, accepted.size() / 10);
            for (int i = 0; i < accepted.size() && System.nanoTime() < deadline; ) {
                String caseId = accepted.get(i);
                String action = null;
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                    URI.create(notify.baseUrl() + "/api/v1/cases/" + caseId))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + Services.TOKEN).build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher m = ACTION.matcher(r.body());
                    if (r.statusCode() == 200 && m.find() && !m.group(1).equals("PENDING")) {
                        action = m.group(1);
                    }
                } catch (Exception e) {
                    System.err.println("poll " + caseId + ": " + e);
                }
                if (action == null) {
                    Thread.sleep(200);
                    continue;
                }
                actions.put(caseId, action);
                lastFinal = System.nanoTime();
                i++;
                if (i % progressEvery == 0) {
                    System.out.printf("   %d/%d final after %.0f s (Graph: %d calls, %d 429s)%n", i, accepted.size(),
                            (lastFinal - t0) / 1e9, graph.graphCalls.sum(),
                            graph.tooManyRequests.sum() + graph.tooManySends.sum());
                }
            }
            int expectedAnswers = (int) actions.values().stream()
                    .filter(a -> a.equals("REPLIED") || a.equals("ESCALATED")).count();
            while (System.nanoTime() < deadline && answeredCases(graph, actions) < expectedAnswers) {
                Thread.sleep(250);
            }
            long end = Math.max(lastFinal, graph.lastSendNanos.get());
            Thread.sleep(Long.getLong("bench.e2e.settle-ms", 5000)); // anything sent twice shows up now
            double elapsed = (end - t0) / 1e9;
            boolean timedOut = System.nanoTime() >= deadline;

            // counting on the stand-in
            Map<String, Integer> userSends = new HashMap<>();
            Map<String, Integer> announcements = new HashMap<>();
            for (LimitedGraph.Send send : graph.sends) {
                Map<String, Integer> into = send.kind().equals("teams.post") ? announcements : userSends;
                for (String id : send.caseIds()) {
                    if (actions.containsKey(id)) {
                        into.merge(id, 1, Integer::sum);
                    }
                }
            }
            Map<String, Integer> byAction = new TreeMap<>();
            actions.values().forEach(a -> byAction.merge(a, 1, Integer::sum));
            int neverFinal = accepted.size() - actions.size();
            int unanswered = 0;
            int duplicateAnswers = 0;
            int duplicateAnnouncements = 0;
            int missingAnnouncements = 0;
            for (Map.Entry<String, String> e : actions.entrySet()) {
                int sent = userSends.getOrDefault(e.getKey(), 0);
                boolean answers = e.getValue().equals("REPLIED") || e.getValue().equals("ESCALATED");
                if (answers && sent == 0) {
                    unanswered++;
                }
                if (sent > 1 || (!answers && sent > 0)) {
                    duplicateAnswers++;
                }
                int announced = announcements.getOrDefault(e.getKey(), 0);
                if (e.getValue().equals("ESCALATED") && announced == 0) {
                    missingAnnouncements++;
                }
                if (announced > 1) {
                    duplicateAnnouncements++;
                }
            }
            long throttled = graph.tooManyRequests.sum() + graph.tooManySends.sum();
            long calls = graph.graphCalls.sum();
            long callsAnswered = calls - throttled;
            long mailSends = graph.callsOf("mail.reply") + graph.callsOf("mail.send");
            double sendsPerSecond = sendsPerMinute / 60.0;
            double minimum = Math.max(callsAnswered / rps, mailSends / sendsPerSecond);
            double idealMinimum = Math.max(TARGET_CALLS_PER_CASE * expectedAnswers / rps, expectedAnswers / sendsPerSecond);
            long lateThrottles = graph.throttledAt.stream().filter(t -> t - t0 > 30_000_000_000L).count();

            Map<String, Long> kinds = new TreeMap<>();
            graph.callsByKind.forEach((k, v) -> kinds.put(k, v.sum()));
            System.out.println("   Graph calls by kind (answered, not 429): " + kinds + "; token requests "
                    + graph.tokenCalls.sum());
            System.out.println("   final actions: " + byAction);

            report.atMost(label + " " + count + (backlogOnly ? " cases" : " mails") + ": time until every case final and answered",
                    Report.f1(elapsed) + " s" + (timedOut ? " (TIMED OUT)" : ""),
                    "least the limits allow " + Report.f1(minimum) + " s (" + callsAnswered + " calls ÷ "
                            + Report.f0(rps) + "/s vs " + mailSends + " sends ÷ " + Report.f0(sendsPerMinute) + "/min)",
                    elapsed / minimum, TARGET_RATIO);
            report.atMost(label + ": same time against the least at ≤ 2 Graph calls per case",
                    Report.f1(elapsed) + " s", "least at 2 calls/case " + Report.f1(idealMinimum) + " s",
                    elapsed / idealMinimum, TARGET_RATIO);
            double perCase = callsAnswered / (double) Math.max(1, expectedAnswers);
            report.atMost(label + ": Graph calls per answered case", Report.f2(perCase) + " (" + Report.f2(
                    calls / (double) Math.max(1, expectedAnswers)) + " with 429s)", "target "
                    + Report.f0(TARGET_CALLS_PER_CASE), perCase / TARGET_CALLS_PER_CASE, 1.0);
            report.info(label + ": HTTP requests to Graph per answered case", Report.f2(graph.httpRequests.sum()
                    / (double) Math.max(1, expectedAnswers)) + " (" + graph.callsOf("batch")
                    + " $batch requests carried the mail look-ups; Graph counts and throttles each request inside)");
            report.info(label + ": 429s provoked", throttled + " (" + graph.tooManyRequests.sum() + " requests/s, "
                    + graph.tooManySends.sum() + " sends/min); " + lateThrottles + " after the first 30 s");
            report.row(label + ": lost / duplicates", "lost " + (neverFinal + unanswered + missingAnnouncements)
                    + ", duplicates " + (duplicateAnswers + duplicateAnnouncements), "of " + accepted.size()
                    + " accepted cases", "", "0 / 0",
                    neverFinal + unanswered + missingAnnouncements + duplicateAnswers + duplicateAnnouncements == 0
                            ? "met" : "MISSED");
            report.info(label + ": outcome", "actions " + byAction + "; intake " + intakeStatuses + "; burst posted in "
                    + Report.f1(postSeconds) + " s");
            if (neverFinal + unanswered + missingAnnouncements > 0) {
                report.note(label + " lost: " + neverFinal + " cases never final, " + unanswered
                        + " final cases without their answer, " + missingAnnouncements + " escalations not announced");
            }
            Map<String, String> rss = new LinkedHashMap<>();
            for (Services.Service service : services) {
                rss.put(service.name, service.peakRssKb() / 1024 + " MiB");
            }
            report.info("peak RSS (VmHWM) during the " + label + " run", rss.toString().replaceAll("[{}]", "").replace("=", " "));
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).close();
            }
            Services.dropQuietly(intakeDb);
            Services.dropQuietly(notifyDb);
        }
    }

    private static int answeredCases(LimitedGraph graph, Map<String, String> actions) {
        java.util.Set<String> answered = new java.util.HashSet<>();
        for (LimitedGraph.Send send : graph.sends) {
            if (!send.kind().equals("teams.post")) {
                for (String id : send.caseIds()) {
                    if (actions.containsKey(id)) {
                        answered.add(id);
                    }
                }
            }
        }
        return answered.size();
    }

    // --- the backlog: cases as intake hands them over ----------------------------------------------------------------

    /** The scenarios of the mails' request texts, as guidance classifies them. */
    private static final String[] SCENARIOS = {"no-phone-today", "code-not-received", "lost-phone", "new-phone",
        "app-password", "why-2sv", "not-prompted", "personal-account"};

    private static byte[] handoff(String messageId, LimitedGraph.User user, String scenario) {
        String caseId = UUID.nameUUIDFromBytes(messageId.getBytes(StandardCharsets.UTF_8)).toString();
        return ("{\"caseId\":\"" + caseId + "\",\"channel\":\"EMAIL\",\"requester\":{\"address\":\""
                + user.upn() + "\",\"displayName\":\"" + user.displayName().replace("'", "") + "\",\"verified\":true},"
                + "\"subject\":\"Sign-in help\",\"text\":\"I need help signing in\",\"internetMessageId\":\""
                + messageId + "\",\"guidance\":{\"scenario\":\"" + scenario + "\",\"confidence\":0.9,"
                + "\"saysNoAlternate\":false,\"fixAlreadyTried\":false,\"language\":\"en\","
                + "\"steps\":[\"Choose Sign in another way.\"],\"sources\":[\"Troubleshoot two-step verification\"]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void handOver(HttpClient http, URI uri, byte[] handoff, String[] caseIds, String[] statuses,
                                 int i) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + Services.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(handoff)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                Matcher id = CASE_ID.matcher(new String(handoff, StandardCharsets.UTF_8));
                caseIds[i] = id.find() ? id.group(1) : null;
                statuses[i] = "ACCEPTED";
            }
        } catch (Exception e) {
            System.err.println("hand over " + i + ": " + e);
        }
    }

    // --- the directory: users with varied sign-in methods -----------------------------------------------------------

    private static final String[][] FIRST_LAST = {
        {"Alex", "Morgan"}, {"Sabine", "Hoffmann"}, {"Rosa", "Delgado"}, {"Marcus", "Oyelaran"}, {"Adele", "Brennan"},
        {"Priya", "Natarajan"}, {"Jonas", "Berg"}, {"Chloé", "Martin"}, {"Tomás", "Ruiz"}, {"Femke", "de Vries"},
        {"João", "Silva"}, {"Hiroshi", "Tanaka"}, {"Grace", "Okafor"}, {"Liam", "O'Connor"}, {"Mei", "Chen"}};

    static List<LimitedGraph.User> directory(int count, Random random) {
        List<LimitedGraph.User> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] name = FIRST_LAST[i % FIRST_LAST.length];
            String upn = (name[0] + "." + name[1]).toLowerCase().replaceAll("[^a-z.]", "") + i + "@contoso.com";
            String id = UUID.nameUUIDFromBytes(upn.getBytes()).toString();
            users.add(new LimitedGraph.User(id, upn, name[0] + " " + name[1], methods(random, i)));
        }
        return users;
    }

    private static String methods(Random random, int i) {
        List<String> m = new ArrayList<>();
        m.add(method("passwordAuthenticationMethod", random, ""));
        String mobile = String.format("\"phoneNumber\":\"+44 7700 9%05d\",\"phoneType\":\"mobile\","
                + "\"smsSignInState\":\"notAllowedByPolicy\"", i);
        int mix = random.nextInt(100);
        if (mix < 30) {              // the usual: Authenticator on the phone, the phone also for SMS
            m.add(method("microsoftAuthenticatorAuthenticationMethod", random,
                    "\"displayName\":\"iPhone 15\",\"deviceTag\":\"SoftwareTokenActivated\",\"phoneAppVersion\":\"6.8.7\""));
            m.add(method("phoneAuthenticationMethod", random, mobile));
        } else if (mix < 50) {       // mobile only: no alternate when the phone is missing
            m.add(method("phoneAuthenticationMethod", random, mobile));
        } else if (mix < 65) {       // mobile and an office phone
            m.add(method("phoneAuthenticationMethod", random, mobile));
            m.add(method("phoneAuthenticationMethod", random, String.format("\"phoneNumber\":\"+44 20 7946 %04d\","
                    + "\"phoneType\":\"office\",\"smsSignInState\":\"notSupported\"", i % 10000)));
        } else if (mix < 75) {       // a security key
            m.add(method("fido2AuthenticationMethod", random, "\"displayName\":\"YubiKey 5 NFC\",\"model\":\"YubiKey 5 NFC\""));
            m.add(method("phoneAuthenticationMethod", random, mobile));
        } else if (mix < 85) {       // Authenticator, mobile and an alternate mobile
            m.add(method("microsoftAuthenticatorAuthenticationMethod", random,
                    "\"displayName\":\"Pixel 8\",\"deviceTag\":\"SoftwareTokenActivated\",\"phoneAppVersion\":\"6.2408.5\""));
            m.add(method("phoneAuthenticationMethod", random, mobile));
            m.add(method("phoneAuthenticationMethod", random, String.format("\"phoneNumber\":\"+44 7911 1%05d\","
                    + "\"phoneType\":\"alternateMobile\",\"smsSignInState\":\"notAllowedByPolicy\"", i)));
        } else if (mix < 93) {       // a hardware or software OATH token
            m.add(method("softwareOathAuthenticationMethod", random, "\"secretKey\":null"));
            m.add(method("phoneAuthenticationMethod", random, mobile));
        } else {                     // Windows Hello and the Authenticator
            m.add(method("windowsHelloForBusinessAuthenticationMethod", random,
                    "\"displayName\":\"LAPTOP-" + i + "\",\"keyStrength\":\"normal\""));
            m.add(method("microsoftAuthenticatorAuthenticationMethod", random,
                    "\"displayName\":\"Galaxy S23\",\"deviceTag\":\"SoftwareTokenActivated\",\"phoneAppVersion\":\"6.8.7\""));
        }
        return "[" + String.join(",", m) + "]";
    }

    private static String method(String type, Random random, String fields) {
        return "{\"@odata.type\":\"#microsoft.graph." + type + "\",\"id\":\"" + new UUID(random.nextLong(),
                random.nextLong()) + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private static String mixName(String methodsJson) {
        List<String> kinds = new ArrayList<>();
        Matcher m = Pattern.compile("graph\\.(\\w+?)AuthenticationMethod\"(?:[^}]*\"phoneType\":\"(\\w+)\")?")
                .matcher(methodsJson);
        while (m.find()) {
            if (!m.group(1).equals("password")) {
                kinds.add(m.group(2) == null ? m.group(1) : m.group(2));
            }
        }
        return String.join("+", kinds);
    }
}
