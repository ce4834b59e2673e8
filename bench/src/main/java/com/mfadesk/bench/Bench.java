package com.mfadesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code java -jar bench/target/bench.jar all|parse|classify|http|e2e|drain}, run from the project root: runs the
 * benchmarks of README.md's "Benchmarks" section, prints every figure with its ratio against the target, and writes
 * the table to {@code bench/target/bench-results/}.
 */
public final class Bench {

    private static final List<String> COMMANDS = List.of("all", "parse", "classify", "http", "e2e", "drain");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "all" : args[0];
        if (command.equals("parse-loop")) {
            parseLoop(args.length > 1 ? args[1] : Mails.KB2, args.length > 2 ? Integer.parseInt(args[2]) : 30);
            return;
        }
        if (!COMMANDS.contains(command)) {
            System.err.println("usage: java [-Dbench.…] -jar bench/target/bench.jar " + String.join("|", COMMANDS));
            System.exit(2);
        }
        Path root = projectRoot();
        String header = header(root);
        System.out.println(header);
        Report report = new Report();
        if (command.equals("all") || command.equals("parse")) {
            ParseRun.run(report, root);
        }
        if (command.equals("all") || command.equals("classify")) {
            ClassifyRun.run(report, root);
        }
        if (command.equals("all") || command.equals("http")) {
            HttpRun.run(report, root);
        }
        if (command.equals("all") || command.equals("e2e")) {
            E2eRun.run(report, root, false);
        }
        if (command.equals("all") || command.equals("drain")) {
            E2eRun.run(report, root, true);
        }
        String table = report.markdown(header);
        System.out.println();
        System.out.println(table);
        Path results = root.resolve("bench/target/bench-results");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        report.save(results.resolve(command + "-" + stamp + ".md"), header);
        System.out.println("written to " + results.resolve(command + "-" + stamp + ".md"));
        System.exit(0);
    }

    /**
     * {@code parse-loop <input> <seconds>}: EmailParser.parse on one input in a loop, nothing else, to be profiled
     * (e.g. with {@code -XX:StartFlightRecording=filename=parse.jfr,settings=profile}).
     */
    private static void parseLoop(String input, int seconds) {
        List<byte[]> mails = Mails.input(input, projectRoot());
        com.mfadesk.intake.email.EmailParser parser = new com.mfadesk.intake.email.EmailParser();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            n += parser.parse(mails.get((int) (n % mails.size()))).newText().length() > -1 ? 1 : 0;
        }
        System.out.printf("%s: %.1f msgs/s%n", input, n / (double) seconds);
    }

    /** The project root: {@code -Dbench.root}, else the working directory or its parent (run from bench/). */
    public static Path projectRoot() {
        String configured = System.getProperty("bench.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("intake-service"))) {
            return cwd;
        }
        if (cwd.getParent() != null && Files.isDirectory(cwd.getParent().resolve("intake-service"))) {
            return cwd.getParent();
        }
        return cwd;
    }

    private static String header(Path root) {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return "MFA Desk benchmarks, " + LocalDate.now() + ", commit " + commit(root) + " — "
                + Runtime.getRuntime().availableProcessors() + " cores, " + Math.round(memory / 1024.0 / 1024 / 1024)
                + " GiB, Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
                + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String commit(Path root) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(root.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            String dirty = "";
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .directory(root.toFile()).redirectErrorStream(true).start();
            if (!new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank()) {
                dirty = "+uncommitted changes";
            }
            return git.waitFor() == 0 ? out + dirty : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
