package com.mfadesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Service jars as processes, the MariaDB databases they run on, and loopback ports. */
final class Services {

    static final String TOKEN = "bench-internal-token";
    static final String TENANT = "c0c0c0c0-1111-4222-8333-444444444444";

    private Services() {
    }

    /** One service process; its peak RSS is read from /proc before it is stopped. */
    static final class Service implements AutoCloseable {
        final String name;
        final int port;
        final Process process;
        final Path log;
        private long peakRssKb = -1;

        Service(String name, int port, Process process, Path log) {
            this.name = name;
            this.port = port;
            this.process = process;
            this.log = log;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        /** VmHWM of /proc/{pid}/status: the process's peak resident set so far, in KiB (-1 when unknown). */
        long peakRssKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peakRssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // keep the last value read
            }
            return peakRssKb;
        }

        void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log
                            + "\n" + tail());
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("UP")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log + "\n" + tail());
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }

        @Override
        public void close() {
            peakRssKb();
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Starts {@code <name>-service}'s runnable jar with the contract's environment variables. */
    static Service start(Path root, String name, int port, Map<String, String> env, Path runDir) throws IOException {
        Path dir = runDir.resolve(name);
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("bench.service.jvm", "-Xmx512m").trim().split("\\s+")));
        command.add("-jar");
        command.add(jarOf(root, name).toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        return new Service(name, port, builder.start(), log);
    }

    /**
     * The runnable jar of a service module: the newest {@code <name>-service-*.jar} that carries its libraries
     * (over 5 MB), whether the shade plugin replaced the main artifact or attached it as {@code -shaded}.
     */
    static Path jarOf(Path root, String name) throws IOException {
        Path target = root.resolve(name + "-service").resolve("target");
        try (Stream<Path> jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().startsWith(name + "-service-"))
                    .filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                    .filter(p -> p.toFile().length() > 5_000_000L)
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no runnable jar in " + target
                            + ": build with ./mvnw -B -ntp -q -pl bench -am -Dmaven.test.skip=true package"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no " + target + ": build first", e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- database -------------------------------------------------------------------------------------------------

    static String dbHost() {
        return System.getProperty("bench.db.host", "127.0.0.1");
    }

    static int dbPort() {
        return Integer.getInteger("bench.db.port", 3306);
    }

    static String dbUser() {
        return System.getProperty("bench.db.user", "root");
    }

    static String dbPassword() {
        return System.getProperty("bench.db.password", "");
    }

    static String jdbcUrl(String database) {
        return "jdbc:mysql://" + dbHost() + ":" + dbPort() + "/" + database;
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), dbUser(), dbPassword());
    }

    static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://" + dbHost() + ":" + dbPort() + "/",
                dbUser(), dbPassword()); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static void createDatabase(String name) throws SQLException {
        sql("DROP DATABASE IF EXISTS " + name);
        sql("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    static void dropQuietly(String name) {
        if (Boolean.getBoolean("bench.keep-databases")) {
            return;
        }
        try {
            sql("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            System.err.println("could not drop " + name + ": " + e.getMessage());
        }
    }

    static Map<String, String> datasource(String database) {
        return Map.of("DATASOURCES_DEFAULT_URL", jdbcUrl(database), "DATASOURCES_DEFAULT_USERNAME", dbUser(),
                "DATASOURCES_DEFAULT_PASSWORD", dbPassword());
    }

    /**
     * A downstream that accepts connections and never answers: intake's pipeline worker waits on it (its read
     * timeout) instead of retrying in a loop, so the HTTP benchmark measures the ingestion path alone.
     */
    static final class StalledService implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor;

        StalledService() throws IOException {
            server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        synchronized (held) {
                            held.add(s);
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "stalled-downstream");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
