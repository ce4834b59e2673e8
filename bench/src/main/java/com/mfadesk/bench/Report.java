package com.mfadesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run: printed as they come, and as one Markdown table at the end. */
public final class Report {

    /** One figure; {@code ratio} and {@code target} may be blank for figures that are context only. */
    public record Row(String figure, String measured, String limit, String ratio, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public synchronized void row(String figure, String measured, String limit, String ratio, String target,
                                 String verdict) {
        Row row = new Row(figure, measured, limit, ratio, target, verdict);
        rows.add(row);
        System.out.printf("  %-58s %-26s %-30s %-8s %-10s %s%n", figure, measured, limit, ratio, target, verdict);
    }

    /** A figure with a ratio that must be at least {@code min}. */
    public void atLeast(String figure, String measured, String limit, double ratio, double min) {
        row(figure, measured, limit, f2(ratio), "≥ " + f2(min), ratio >= min ? "met" : "MISSED");
    }

    /** A figure with a ratio that must be at most {@code max}. */
    public void atMost(String figure, String measured, String limit, double ratio, double max) {
        row(figure, measured, limit, f2(ratio), "≤ " + f2(max), ratio <= max ? "met" : "MISSED");
    }

    public void info(String figure, String measured) {
        row(figure, measured, "", "", "", "");
    }

    public synchronized void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    public synchronized String markdown(String header) {
        StringBuilder b = new StringBuilder(header).append("\n\n");
        b.append("| figure | measured | limit it is measured against | ratio | target | |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.figure()).append(" | ").append(r.measured()).append(" | ").append(r.limit())
                    .append(" | ").append(r.ratio()).append(" | ").append(r.target()).append(" | ")
                    .append(r.verdict()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            b.append('\n');
            for (String note : notes) {
                b.append("- ").append(note).append('\n');
            }
        }
        return b.toString();
    }

    public void save(Path file, String header) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown(header));
    }

    public static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    public static String f1(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    public static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Bytes as KB/MB. */
    public static String bytes(double v) {
        if (v >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", v / (1024 * 1024));
        }
        if (v >= 1024) {
            return String.format(Locale.ROOT, "%.1f KB", v / 1024);
        }
        return String.format(Locale.ROOT, "%.0f B", v);
    }

    /** Percentile (0..100) of sorted nanosecond samples, in milliseconds. */
    public static double percentileMs(long[] sortedNanos, int count, double p) {
        if (count == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sortedNanos[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }
}
