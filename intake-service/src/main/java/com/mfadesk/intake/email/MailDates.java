package com.mfadesk.intake.email;

import jakarta.mail.internet.MailDateFormat;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code Date} header. Nearly every mail carries the RFC 5322 form ("Mon, 4 Mar 2024 09:12:00 +0000"), which
 * is read here directly; anything else (obsolete zone names, two-digit years, missing seconds and other oddities) is
 * left to Jakarta Mail's lenient {@link MailDateFormat}. That one is not thread-safe and costly to build, which is
 * why it is only built for the rare odd date.
 */
final class MailDates {

    private static final Pattern RFC_5322 = Pattern.compile("\\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\\s*)?"
            + "(\\d{1,2})\\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s+(\\d{4})\\s+"
            + "(\\d{1,2}):(\\d{2}):(\\d{2})\\s+([+-])(\\d{2})(\\d{2})(?:\\s.*)?", Pattern.DOTALL);
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");

    /** The instant, or null when the value is blank or no date. */
    Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher matcher = RFC_5322.matcher(value);
        if (matcher.matches() && Integer.parseInt(matcher.group(9)) < 60) {
            try {
                int offsetMinutes = Integer.parseInt(matcher.group(8)) * 60 + Integer.parseInt(matcher.group(9));
                LocalDateTime local = LocalDateTime.of(Integer.parseInt(matcher.group(3)),
                        MONTHS.indexOf(matcher.group(2)) + 1, Integer.parseInt(matcher.group(1)),
                        Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)),
                        Integer.parseInt(matcher.group(6)));
                return local.toInstant(ZoneOffset.ofTotalSeconds(
                        (matcher.group(7).equals("-") ? -offsetMinutes : offsetMinutes) * 60));
            } catch (DateTimeException outOfRange) {
                // 31 February, hour 24, second 60, offsets past 18 hours: the lenient reader knows what to make of it
            }
        }
        return lenient(value);
    }

    private static Instant lenient(String value) {
        try {
            Date date = new MailDateFormat().parse(value, new ParsePosition(0));
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
