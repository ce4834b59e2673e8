package com.mfadesk.intake.email;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charsets, transfer encodings, RFC 2047 words, format=flowed and HTML rendering. */
class TextDecodingTest {

    @Test
    void latin1IsDecodedAsWindows1252() {
        byte[] bytes = {(byte) 0x93, 'h', 'i', (byte) 0x94, ' ', (byte) 0x80, ' ', (byte) 0xE9};
        assertEquals("\u201Chi\u201D \u20AC é", BestEffortCharsets.decode(bytes, "ISO-8859-1"));
        assertEquals("\u201Chi\u201D \u20AC é", BestEffortCharsets.decode(bytes, "\"latin1\""));
    }

    @Test
    void unlabeledOrAsciiLabeledTextIsSniffed() {
        assertEquals("Grüße", BestEffortCharsets.decode("Grüße".getBytes(StandardCharsets.UTF_8), "us-ascii"));
        assertEquals("Grüße", BestEffortCharsets.decode("Grüße".getBytes(BestEffortCharsets.WINDOWS_1252), null));
        assertEquals("Grüße", BestEffortCharsets.decode("Grüße".getBytes(BestEffortCharsets.WINDOWS_1252), "utf-8"));
        assertEquals("Grüße", BestEffortCharsets.decode("Grüße".getBytes(StandardCharsets.UTF_8), "utf-8*de"));
    }

    @Test
    void base64SkipsJunkAndCopesWithGluedBodies() {
        assertArrayEquals("Hello".getBytes(), TransferDecoding.base64("SGVs\r\n!!bG8=".getBytes()));
        assertArrayEquals("HiHo".getBytes(), TransferDecoding.base64("SGk=SG8=".getBytes()));
        assertArrayEquals("Hi".getBytes(), TransferDecoding.base64("SGk".getBytes()));
    }

    @Test
    void quotedPrintableKeepsBrokenEscapes() {
        assertEquals("Grüße = 100%=zz end", new String(TransferDecoding.quotedPrintable(
                "Gr=C3=BC=C3=9Fe =3D 100%=zz =\r\nend".getBytes()), StandardCharsets.UTF_8));
        assertEquals("a b", new String(TransferDecoding.quotedPrintable("a =  \nb".getBytes())));
    }

    @Test
    void encodedWordsAreDecodedEverywhere() {
        assertEquals("Verificação falhou", EncodedWords.decode("=?utf-8?q?Verifica=C3?= =?utf-8?q?=A7=C3=A3o?= falhou"));
        assertEquals("Prefix-Grüße", EncodedWords.decode("Prefix-=?iso-8859-1?q?Gr=FC=DFe?="));
        assertEquals("Hello World", EncodedWords.decode("=?UTF-8?B?SGVsbG8g?= =?UTF-8?B?V29ybGQ=?="));
        assertEquals("x ? y", EncodedWords.decode("=?x-unknown?q?x_=3F_y?="));
        assertEquals("plain", EncodedWords.decode("plain"));
    }

    @Test
    void formatFlowedJoinsSoftBreaksAndUnstuffs() {
        String flowed = "Thanks, I removed the \r\naccount and added it \r\nagain.\r\n From here on\r\n> quoted \r\n> more\r\n-- \r\nFiona";
        assertEquals("Thanks, I removed the account and added it again.\nFrom here on\n> quoted more\n-- \nFiona",
                FlowedText.decode(flowed, false));
        assertEquals("abcdef", FlowedText.decode("abc \r\ndef", true));
    }

    @Test
    void outlookHtmlRendersOneLinePerParagraph() {
        HtmlToText.HtmlText text = new HtmlToText().render("""
                <html><head><style>p.MsoNormal{margin:0}</style></head><body><div class="WordSection1">
                <p class="MsoNormal">Hi,<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>
                <p class="MsoNormal">My   code
                never arrives.<o:p></o:p></p><p class="MsoNormal">Rosa<br>Field Ops</p>
                <div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
                <p class="MsoNormal"><b>From:</b> IT Support<br><b>Sent:</b> Monday</p></div></div>
                <p class="MsoNormal">old reply</p></div></body></html>""");
        assertEquals("Hi,\n\nMy code never arrives.\nRosa\nField Ops", TextTidy.tidy(text.authoredText()));
        assertTrue(text.text().contains("old reply"));
    }

    @Test
    void htmlQuoteDetectionIgnoresIndentsAndOtherBorders() {
        HtmlToText.HtmlText text = new HtmlToText().render("""
                <div>Steps I tried:</div><blockquote style="margin:0 0 0 40px;border:none;padding:0px">restart</blockquote>
                <div style="border-top:1px solid #ccc">Table of codes</div>
                <span style="display:none">preheader nobody sees</span>
                <blockquote type="cite">old</blockquote>""");
        assertEquals("Steps I tried:\nrestart\nTable of codes", TextTidy.tidy(text.authoredText()));
        assertFalse(text.text().contains("preheader"));
    }
}
