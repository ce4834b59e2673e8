package com.mfadesk.intake.email;

import jakarta.mail.internet.MailDateFormat;
import org.junit.jupiter.api.Test;

import java.text.ParsePosition;
import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The direct reading of the usual form gives what Jakarta Mail's {@link MailDateFormat} gives, odd forms included. */
class MailDatesTest {

    private final MailDates dates = new MailDates();

    @Test
    void readsWhatMailDateFormatReads() {
        String[] values = {
            "Mon, 4 Mar 2024 09:12:00 +0000", "Mon, 04 Mar 2024 09:12:00 +0100", "4 Mar 2024 9:12:00 -0730",
            "Tue, 4 Mar 2024 09:12:00 +0000 (UTC)", "  Fri, 29 Feb 2024 23:59:59 +1400", "Sun, 31 Dec 2023 00:00:00 -1200",
            "Mon, 31 Feb 2024 09:12:00 +0000", "Mon, 4 Mar 2024 24:00:00 +0000", "Mon, 4 Mar 2024 09:12:60 +0000",
            "Mon, 4 Mar 2024 09:12:00 +0099", "Mon, 4 Mar 2024 09:12:00 +2500", "Mon, 4 Mar 2024 09:12 +0000",
            "Mon, 4 Mar 24 09:12:00 +0000", "Mon, 4 Mar 2024 09:12:00 GMT", "Mon, 4 Mar 2024 09:12:00 EST",
            "Mon, 4 mar 2024 09:12:00 +0000", "Mon,4 Mar 2024 09:12:00 +0000(UTC)",
        };
        for (String value : values) {
            Date expected = new MailDateFormat().parse(value, new ParsePosition(0));
            assertEquals(expected == null ? null : expected.toInstant(), dates.parse(value), value);
        }
        assertEquals(Instant.parse("2024-03-04T08:12:00Z"), dates.parse("Mon, 4 Mar 2024 09:12:00 +0100"));
    }

    @Test
    void noDateIsNull() {
        assertNull(dates.parse(null));
        assertNull(dates.parse("  "));
        assertNull(dates.parse("yesterday"));
    }
}
