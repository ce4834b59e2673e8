package com.mfadesk.intake.email;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

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
    void quotedPrintableKeepsBrokenEscapes() throws IOException {
        assertEquals("Grüße = 100%=zz end", new String(quotedPrintable(
                "Gr=C3=BC=C3=9Fe =3D 100%=zz =\r\nend"), StandardCharsets.UTF_8));
        assertEquals("a b", new String(quotedPrintable("a =  \nb")));
    }

    @Test
    void quotedPrintableStreamDecodesEscapesAcrossItsBufferEdges() throws IOException {
        String text = "Grüße – zwölf Boxkämpfer jagen Viktor quer über den großen Sylter Deich. ";
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.repeat(400).getBytes(StandardCharsets.UTF_8)) {
            encoded.append(b >= 33 && b <= 126 && b != '=' ? String.valueOf((char) b) : "=%02X".formatted(b & 0xFF));
            if (encoded.length() % 70 == 0) {
                encoded.append("=\r\n");
            }
        }
        for (int i = 0; i < 16; i++) { // every alignment of escapes and soft breaks against the 8 KiB buffer
            String shifted = "x".repeat(i) + encoded;
            assertEquals("x".repeat(i) + text.repeat(400), new String(quotedPrintable(shifted), StandardCharsets.UTF_8));
        }
        assertEquals("a", new String(quotedPrintable("a=")));
        assertEquals("a", new String(quotedPrintable("a=  ")));
        assertEquals("a=A", new String(quotedPrintable("a=A")));
        assertEquals("=A", new String(quotedPrintable("==41")));
        assertEquals("a= \tb", new String(quotedPrintable("a= \tb")));
        assertEquals("ab", new String(quotedPrintable("a=\rb")));
    }

    @Test
    void base64StreamMatchesTheWholeDecode() throws IOException {
        byte[] content = new byte[50_000];
        new Random(3).nextBytes(content);
        byte[] encoded = Base64.getMimeEncoder().encode(content);
        try (InputStream in = TransferDecoding.decoding(new ByteArrayInputStream(encoded), " Base64 ")) {
            assertArrayEquals(content, in.readAllBytes());
        }
        assertArrayEquals(content, TransferDecoding.base64(encoded));
    }

    @Test
    void aCutUtf8CharacterDoesNotTurnThePrefixIntoWindows1252() {
        byte[] whole = "Grüße aus Zürich ✓".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(whole, whole.length - 1); // the check mark cut after two of its three bytes
        assertEquals("Grüße aus Zürich ", BestEffortCharsets.decodePrefix(cut, "utf-8"));
        assertEquals("Grüße aus Zürich ", BestEffortCharsets.decodePrefix(cut, null));
        assertEquals("Grüße", BestEffortCharsets.decodePrefix("Grüße".getBytes(BestEffortCharsets.WINDOWS_1252), null));
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80}; // ill-formed UTF-8, as strict decoders agree
        assertEquals(new String(surrogate, BestEffortCharsets.WINDOWS_1252), BestEffortCharsets.decode(surrogate, "utf-8"));
    }

    private static byte[] quotedPrintable(String encoded) throws IOException {
        try (InputStream in = TransferDecoding.decoding(
                new ByteArrayInputStream(encoded.getBytes(StandardCharsets.ISO_8859_1)), "Quoted-Printable")) {
            return in.readAllBytes();
        }
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
