package com.mfadesk.intake.email;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextTidyTest {

    @Test
    void oneBreakStyleNoInvisiblesNoTrailingBlanksOneEmptyLineAtMost() {
        assertEquals(" a b\n\n cd\n e\nGrüße – ok", TextTidy.tidy(
                "\r\n \n a\u00A0b \t\r\n\r\n\r\n c\u200Bd\u0007\u00AD\r e \u202F\nGrüße – ok\u0085\n\n"));
        assertEquals("x", TextTidy.tidy(new StringBuilder("x\u2007")));
        assertEquals("", TextTidy.tidy("\u200B \r\n\t"));
    }
}
