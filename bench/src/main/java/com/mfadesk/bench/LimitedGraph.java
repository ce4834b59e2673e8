package com.mfadesk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Microsoft Graph stand-in on loopback (JDK HTTP server) that throttles like Graph and Exchange do: a token bucket
 * of {@code requestsPerSecond} over every Graph call, and per mailbox a bucket of {@code sendsPerMinute} over mail
 * sends (reply, sendMail); beyond either it answers 429 with Retry-After. It serves a directory of users with their
 * sign-in methods, finds every mail in the support mailbox, accepts replies, mails and Teams posts, and counts
 * everything: calls by kind, 429s, and the case ids every accepted send carried, to find lost and duplicate answers.
 */
final class LimitedGraph implements AutoCloseable {

    static final String TOKEN_PATH = "/tenant/oauth2/v2.0/token";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern MAIL_FILTER = Pattern.compile("mail eq '([^']*)'");
    private static final Pattern BATCH_STEP =
            Pattern.compile("\"id\":\"([^\"]+)\",\"method\":\"GET\",\"url\":\"([^\"]+)\"");
    private static final Pattern RECEIVED_SINCE = Pattern.compile("receivedDateTime ge ([^&\\s]+)");
    private static final Pattern TOP = Pattern.compile("\\$top=(\\d+)");
    private static final Pattern SKIP = Pattern.compile("\\$skiptoken=(\\d+)");
    private static final Pattern MESSAGE_FILTER = Pattern.compile("internetMessageId eq '([^']*)'");

    record User(String id, String upn, String displayName, String methodsJson) {
    }

    /** What left the system: the kind, and the case ids in the request body. */
    record Received(String internetMessageId, Instant at) {
    }

    record Send(String kind, long atNanos, List<String> caseIds) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, User> byUpn = new ConcurrentHashMap<>();
    private final Map<String, User> byId = new ConcurrentHashMap<>();
    private final Bucket requests;
    private final double sendsPerMinute;
    private final Map<String, Bucket> mailboxes = new ConcurrentHashMap<>();

    final LongAdder graphCalls = new LongAdder();
    /** HTTP requests to Graph: a $batch is one, while each request in it is one of {@link #graphCalls}. */
    final LongAdder httpRequests = new LongAdder();
    final LongAdder tooManyRequests = new LongAdder();
    final LongAdder tooManySends = new LongAdder();
    final LongAdder tokenCalls = new LongAdder();
    final Map<String, LongAdder> callsByKind = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Send> sends = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Received> mailbox = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> throttledAt = new ConcurrentLinkedQueue<>();
    final AtomicLong lastSendNanos = new AtomicLong();

    static {
        // Without TCP_NODELAY the JDK server writes headers and body in two segments and the client's delayed ACK
        // holds the second for ~40 ms: every Graph call would take 40 ms and the stand-in, not the system or the
        // limits, would set the pace. Read once, when the JDK server's configuration class loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    LimitedGraph(double requestsPerSecond, double sendsPerMinute, List<User> directory) throws IOException {
        this.requests = requestsPerSecond > 0 ? new Bucket(requestsPerSecond) : null;
        this.sendsPerMinute = sendsPerMinute;
        for (User user : directory) {
            byUpn.put(user.upn().toLowerCase(Locale.ROOT), user);
            byId.put(user.id(), user);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "graph-stand-in");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + TOKEN_PATH;
    }

    long callsOf(String kind) {
        LongAdder adder = callsByKind.get(kind);
        return adder == null ? 0 : adder.sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = exchange.getRequestMethod();
            String path = decode(exchange.getRequestURI().getRawPath());
            String query = exchange.getRequestURI().getRawQuery() == null ? ""
                    : decode(exchange.getRequestURI().getRawQuery());
            if (path.endsWith("/oauth2/v2.0/token")) {
                tokenCalls.increment();
                json(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"stand-in\"}");
                return;
            }
            if (!path.startsWith("/v1.0/")) {
                json(exchange, 404, notFound());
                return;
            }
            httpRequests.increment();
            if (method.equals("POST") && path.equals("/v1.0/$batch")) {
                batch(exchange, new String(body, StandardCharsets.UTF_8));
                return;
            }
            graphCalls.increment();
            if (requests != null) {
                long wait = requests.tryTake();
                if (wait > 0) {
                    throttled(exchange, tooManyRequests, wait, "requests per second");
                    return;
                }
            }
            String[] seg = path.substring("/v1.0/".length()).split("/");
            if (method.equals("POST") && seg.length >= 3 && seg[0].equals("users")
                    && (seg[seg.length - 1].equals("reply") || seg[seg.length - 1].equals("sendMail"))) {
                String mailbox = seg[1].toLowerCase(Locale.ROOT);
                if (sendsPerMinute > 0) {
                    long wait = mailboxes.computeIfAbsent(mailbox, m -> new Bucket(sendsPerMinute / 60.0)).tryTake();
                    if (wait > 0) {
                        throttled(exchange, tooManySends, wait, "mailbox sends per minute");
                        return;
                    }
                }
                String kind = seg[seg.length - 1].equals("reply") ? "mail.reply" : "mail.send";
                count(kind);
                sent(kind, body);
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            if (method.equals("POST") && (seg[0].equals("teams") || seg[0].equals("chats"))
                    && (seg[seg.length - 1].equals("messages") || seg[seg.length - 1].equals("replies"))) {
                count("teams.post");
                sent("teams.post", body);
                json(exchange, 201, "{\"id\":\"" + System.nanoTime() + "\"}");
                return;
            }
            if (method.equals("GET") && seg[0].equals("users")) {
                if (seg.length == 1) {
                    count("users.byMail");
                    Matcher m = MAIL_FILTER.matcher(query);
                    User user = m.find() ? byUpn.get(m.group(1).toLowerCase(Locale.ROOT)) : null;
                    json(exchange, 200, "{\"value\":[" + (user == null ? "" : profile(user)) + "]}");
                    return;
                }
                User user = byUpn.get(seg[1].toLowerCase(Locale.ROOT));
                if (user == null) {
                    user = byId.get(seg[1]);
                }
                if (seg.length == 2) {
                    count("users.get");
                    json(exchange, user == null ? 404 : 200, user == null ? notFound() : profile(user));
                    return;
                }
                if (seg.length == 4 && seg[2].equals("authentication") && seg[3].equals("methods")) {
                    count("users.methods");
                    json(exchange, user == null ? 404 : 200, user == null ? notFound()
                            : "{\"value\":" + user.methodsJson() + "}");
                    return;
                }
                if (seg.length == 3 && seg[2].equals("messages")) {
                    Matcher since = RECEIVED_SINCE.matcher(query);
                    json(exchange, 200, since.find() ? listMail(seg[1], Instant.parse(since.group(1)), query)
                            : findMail(query));
                    return;
                }
            }
            count("other " + method + " " + seg[0]);
            json(exchange, 404, notFound());
        } catch (RuntimeException e) {
            e.printStackTrace();
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /** Notes a mail as arrived in the support mailbox, for listings by receipt time. */
    void received(String internetMessageId) {
        mailbox.add(new Received(internetMessageId, Instant.now()));
    }

    /** A page of the mails received since {@code since}, oldest first, as Graph lists them ($top, a next link). */
    private String listMail(String mailboxName, Instant since, String query) {
        count("mail.list");
        Matcher top = TOP.matcher(query);
        Matcher skip = SKIP.matcher(query);
        int size = top.find() ? Integer.parseInt(top.group(1)) : 10;
        int from = skip.find() ? Integer.parseInt(skip.group(1)) : 0;
        List<Received> listed = mailbox.stream().filter(r -> !r.at().isBefore(since))
                .sorted(Comparator.comparing(Received::at)).toList();
        StringBuilder value = new StringBuilder();
        for (Received mail : listed.subList(Math.min(from, listed.size()), Math.min(from + size, listed.size()))) {
            value.append(value.isEmpty() ? "" : ",").append("{\"id\":\"").append(graphIdOf(mail.internetMessageId()))
                    .append("\",\"internetMessageId\":\"").append(mail.internetMessageId()).append("\"}");
        }
        String next = from + size >= listed.size() ? "" : ",\"@odata.nextLink\":\"" + baseUrl() + "/users/"
                + mailboxName + "/messages?%24filter=" + URLEncoder.encode("receivedDateTime ge " + since,
                StandardCharsets.UTF_8).replace("+", "%20") + "&%24top=" + size + "&%24skiptoken=" + (from + size) + "\"";
        return "{\"value\":[" + value + "]" + next + "}";
    }

    private static String graphIdOf(String internetMessageId) {
        return "AAMk" + Integer.toHexString(internetMessageId.hashCode());
    }

    private String findMail(String query) {
        count("mail.find");
        Matcher m = MESSAGE_FILTER.matcher(query);
        String id = m.find() ? graphIdOf(m.group(1)) : "AAMkUnknown";
        return "{\"value\":[{\"id\":\"" + id + "\"}]}";
    }

    /**
     * JSON batching as Graph does it: each request inside counts against the limit on its own and may get its own
     * 429 inside the batch's 200. Serves the mail look-ups notify batches.
     */
    private void batch(HttpExchange exchange, String body) throws IOException {
        count("batch");
        StringBuilder responses = new StringBuilder();
        Matcher step = BATCH_STEP.matcher(body);
        while (step.find()) {
            graphCalls.increment();
            if (!responses.isEmpty()) {
                responses.append(',');
            }
            responses.append("{\"id\":\"").append(step.group(1)).append("\",");
            long wait = requests == null ? 0 : requests.tryTake();
            String url = decode(step.group(2));
            if (wait > 0) {
                tooManyRequests.increment();
                throttledAt.add(System.nanoTime());
                long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
                responses.append("\"status\":429,\"headers\":{\"Retry-After\":\"").append(seconds)
                        .append("\"},\"body\":{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"stand-in limit\"}}}");
            } else if (url.matches("/users/[^/?]+/messages\\?.*")) {
                responses.append("\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":")
                        .append(findMail(url.substring(url.indexOf('?') + 1))).append('}');
            } else {
                count("other batched");
                responses.append("\"status\":404,\"body\":").append(notFound()).append('}');
            }
        }
        json(exchange, 200, "{\"responses\":[" + responses + "]}");
    }

    private void throttled(HttpExchange exchange, LongAdder counter, long waitNanos, String what) throws IOException {
        counter.increment();
        throttledAt.add(System.nanoTime());
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        exchange.getResponseHeaders().add("Retry-After", Long.toString(seconds));
        json(exchange, 429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"stand-in limit of " + what
                + " reached\"}}");
    }

    private void sent(String kind, byte[] body) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = UUID.matcher(new String(body, StandardCharsets.UTF_8));
        while (m.find()) {
            ids.add(m.group());
        }
        long now = System.nanoTime();
        sends.add(new Send(kind, now, new ArrayList<>(ids)));
        lastSendNanos.accumulateAndGet(now, Math::max);
    }

    private void count(String kind) {
        callsByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    private static String profile(User user) {
        return "{\"id\":\"" + user.id() + "\",\"displayName\":\"" + user.displayName() + "\",\"userPrincipalName\":\""
                + user.upn() + "\",\"mail\":\"" + user.upn() + "\"}";
    }

    private static String notFound() {
        return "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"not found\"}}";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A token bucket holding at most one second's worth (at least one token). */
    static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double perSecond) {
            this.perNano = perSecond / 1e9;
            this.capacity = Math.max(1.0, perSecond);
            this.tokens = capacity;
        }

        /** 0 when a token was taken, else the nanoseconds until one will be there. */
        synchronized long tryTake() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return 0;
            }
            return (long) Math.ceil((1.0 - tokens) / perNano);
        }
    }
}
