package com.mfadesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The mail the benchmarks feed in: the dev-corpus emails when they are there, and synthetic mail shaped like what an
 * Outlook or Gmail user sends to a help desk: multipart/alternative with a quoted-printable text part and an HTML
 * part, a signature and the quoted history of earlier rounds; at 5 MB either a big HTML-only mail or a mail with an
 * attachment (a photo of the phone's error screen). Deterministic for a given seed.
 */
public final class Mails {

    public static final String SUPPORT = "support@contoso.com";

    /** The inputs of the parsing benchmark. */
    public static final String CORPUS = "corpus";
    public static final String KB2 = "2k";
    public static final String KB50 = "50k";
    public static final String MB5_ATTACHMENT = "5m-attachment";
    public static final String MB5_HTML = "5m-html";

    /** Requests as employees write them, by scenario (subject, text). */
    public static final String[][] REQUESTS = {
        {"Left my phone at home", "Hi,\n\nI left my phone at home today and can't sign in to Outlook: it wants me to "
                + "approve the sign-in in the Authenticator app. How can I get in without it?"},
        {"Code never arrives", "Hello IT,\n\nSince this morning the text message with the verification code never "
                + "arrives on my mobile. I tried three times and waited ten minutes each time. Can you help?"},
        {"Phone stolen", "Hi,\n\nmy phone was stolen on the train last night, with the Authenticator app on it. "
                + "I can't sign in now and I'm worried someone else could use it. What should I do?"},
        {"New phone", "Hello,\n\nI got a new phone over the weekend and the old one was wiped at the shop. Now the "
                + "Authenticator app on the new phone has no account in it and I can't sign in."},
        {"Outlook on Mac keeps asking for password", "Hi,\n\nthe Mail app on my Mac keeps saying my password is "
                + "incorrect. I'm using the app password I generated last month. Do these expire?"},
        {"Handy vergessen", "Hallo,\n\nich habe mein Handy zu Hause vergessen und kann mich nicht anmelden, weil die "
                + "Anmeldung eine Bestätigung in der Authenticator-App verlangt. Gibt es einen anderen Weg?"},
        {"Code SMS jamais reçu", "Bonjour,\n\nje ne reçois plus le code par SMS depuis ce matin, impossible de me "
                + "connecter à Teams. Pouvez-vous m'aider ?"},
        {"Why do I have to approve every sign-in?", "Hi,\n\nwhy does Teams suddenly ask me to approve a sign-in on "
                + "my phone every morning? It didn't do that last week. Is this something new?"},
    };

    private static final String[] SIGNATURE = {
        "Kind regards,", "%s", "Senior Analyst | Finance Operations", "Contoso Ltd. | 1 Harbour Exchange Square, London",
        "T +44 20 7946 0958 | M +44 7700 900123", "www.contoso.com",
        "This e-mail and any attachments are confidential and intended solely for the addressee. If you have received "
                + "it in error, please notify the sender and delete it."};

    private Mails() {
    }

    /** The dev-corpus emails, or generated ~2-10 KB mails when the corpus is not there. */
    public static List<byte[]> corpus(Path projectRoot) {
        Path dir = devCorpus(projectRoot).resolve("email");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                List<byte[]> mails = new ArrayList<>();
                for (Path file : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                    mails.add(Files.readAllBytes(file));
                }
                if (!mails.isEmpty()) {
                    return mails;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<byte[]> generated = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            generated.add(synthetic(2048 + random.nextInt(8192), i, "<corpus-" + i + "@contoso.com>",
                    "user" + i + "@contoso.com", "User " + i));
        }
        return generated;
    }

    public static Path devCorpus(Path projectRoot) {
        String configured = System.getProperty("bench.corpus");
        if (configured != null) {
            return Path.of(configured);
        }
        return projectRoot.resolveSibling("shared").resolve("dev-corpus");
    }

    /** Four variants of one input of the parsing benchmark. */
    public static List<byte[]> input(String name, Path projectRoot) {
        if (name.equals(CORPUS)) {
            return corpus(projectRoot);
        }
        List<byte[]> mails = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            String id = "<bench-" + name + "-" + v + "@mail.contoso.com>";
            String from = "alex.morgan" + v + "@contoso.com";
            mails.add(switch (name) {
                case KB2 -> synthetic(2 * 1024, v, id, from, "Alex Morgan");
                case KB50 -> synthetic(50 * 1024, v, id, from, "Alex Morgan");
                case MB5_ATTACHMENT -> withAttachment(5 * 1024 * 1024, v, id, from, "Alex Morgan");
                case MB5_HTML -> bigHtml(5 * 1024 * 1024, v, id, from, "Alex Morgan");
                default -> throw new IllegalArgumentException("unknown input " + name);
            });
        }
        return mails;
    }

    /**
     * multipart/alternative, text/plain and text/html both quoted-printable, the request of {@code variant}, a
     * signature, and as many rounds of quoted history as it takes to reach about {@code targetBytes}.
     */
    public static byte[] synthetic(int targetBytes, int variant, String messageId, String from, String name) {
        String[] request = REQUESTS[Math.floorMod(variant, REQUESTS.length)];
        return synthetic(targetBytes, variant, messageId, from, name, request[0], request[1]);
    }

    public static byte[] synthetic(int targetBytes, int variant, String messageId, String from, String name,
                                   String subject, String text) {
        String boundary = "_000_BENCH" + Integer.toHexString(messageId.hashCode()) + "_";
        String headers = headers(from, name, "RE: " + subject, messageId)
                + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
        // grow the history until the whole mail reaches the target size
        int rounds = 0;
        byte[] mail;
        do {
            boolean compact = targetBytes < 3000; // a short signature and no style sheet: a 2 KB mail
            String plain = plainBody(text, name, rounds, variant, compact);
            String html = htmlBody(text, name, rounds, variant, compact);
            mail = (headers
                    + "--" + boundary + "\r\n"
                    + "Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                    + QuotedPrintable.encode(plain) + "\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                    + QuotedPrintable.encode(html) + "\r\n"
                    + "--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            rounds = rounds == 0 ? 1 : rounds + Math.max(1, rounds * (targetBytes - mail.length) / Math.max(1, mail.length) / 2);
        } while (mail.length < targetBytes * 0.95 && rounds < 100_000);
        return mail;
    }

    /** multipart/mixed: the 50 KB mail's alternative part and a base64 photo that makes up the rest. */
    static byte[] withAttachment(int targetBytes, int variant, String messageId, String from, String name) {
        byte[] inner = synthetic(8 * 1024, variant, messageId, from, name);
        String innerText = new String(inner, StandardCharsets.US_ASCII);
        int split = innerText.indexOf("\r\n\r\n");
        String innerHeaders = innerText.substring(0, split);
        String innerBody = innerText.substring(split + 4);
        String contentType = innerHeaders.substring(innerHeaders.indexOf("Content-Type:"));
        String boundary = "_004_BENCHMIXED" + variant + "_";
        byte[] photo = new byte[(int) ((targetBytes - inner.length) * 0.74)];
        new Random(variant).nextBytes(photo);
        String base64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(photo);
        String mail = innerHeaders.substring(0, innerHeaders.indexOf("Content-Type:"))
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\n" + contentType + "\r\n\r\n" + innerBody + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: image/jpeg; name=\"IMG_2041.jpg\"\r\n"
                + "Content-Disposition: attachment; filename=\"IMG_2041.jpg\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + base64 + "\r\n"
                + "--" + boundary + "--\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    /** An HTML-only mail (no text alternative, so the HTML is what is read) with a long forwarded report in it. */
    static byte[] bigHtml(int targetBytes, int variant, String messageId, String from, String name) {
        String[] request = REQUESTS[Math.floorMod(variant, REQUESTS.length)];
        StringBuilder html = new StringBuilder(targetBytes + 4096);
        html.append("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                + "<style>p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:\"Calibri\",sans-serif;}"
                + "td{border:solid #BFBFBF 1.0pt;padding:0cm 5.4pt}</style></head><body lang=\"EN-GB\">"
                + "<div class=\"WordSection1\">");
        for (String line : request[1].split("\n")) {
            html.append("<p class=\"MsoNormal\">").append(escape(line)).append("<o:p></o:p></p>\r\n");
        }
        html.append("<p class=\"MsoNormal\">Below is the sign-in report I exported, in case it helps.</p>\r\n");
        appendSignature(html, name, false);
        html.append("<div style=\"border:none;border-top:solid #E1E1E1 1.0pt\"><p class=\"MsoNormal\"><b>From:</b> "
                + "Azure AD Reports &lt;reports@contoso.com&gt;<br><b>Sent:</b> Monday, March 4, 2024 07:02<br>"
                + "<b>Subject:</b> Sign-in activity</p></div><table class=\"MsoNormalTable\" border=\"1\">");
        Random random = new Random(variant);
        int row = 0;
        while (html.length() < targetBytes - 200) {
            html.append("<tr><td><p class=\"MsoNormal\">2024-03-0").append(1 + row % 9).append(' ')
                    .append(String.format("%02d:%02d:%02d", row / 3600 % 24, row / 60 % 60, row % 60))
                    .append("</p></td><td><p class=\"MsoNormal\">").append(row % 3 == 0 ? "Failure" : "Success")
                    .append("</p></td><td><p class=\"MsoNormal\">Office 365 Exchange Online</p></td>")
                    .append("<td><p class=\"MsoNormal\">MFA requirement ").append(random.nextBoolean()
                            ? "satisfied by claim in the token" : "not satisfied: user did not respond")
                    .append("</p></td><td><p class=\"MsoNormal\">10.").append(random.nextInt(255)).append('.')
                    .append(random.nextInt(255)).append('.').append(random.nextInt(255))
                    .append("</p></td></tr>\r\n");
            row++;
        }
        html.append("</table></div></body></html>");
        String mail = headers(from, name, "FW: " + request[0], messageId)
                + "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + QuotedPrintable.encode(html.toString()) + "\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    private static String headers(String from, String name, String subject, String messageId) {
        return "Return-Path: <" + from + ">\r\n"
                + "Received: from AM9PR04MB8200.eurprd04.prod.outlook.com (2603:10a6:20b:3e6::14) by\r\n"
                + " DB9PR04MB9426.eurprd04.prod.outlook.com with HTTPS; Mon, 4 Mar 2024 09:12:01 +0000\r\n"
                + "From: " + name + " <" + from + ">\r\n"
                + "To: Contoso IT Support <" + SUPPORT + ">\r\n"
                + "Subject: " + subject + "\r\n"
                + "Thread-Topic: " + subject + "\r\n"
                + "Date: Mon, 4 Mar 2024 09:12:00 +0000\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "Accept-Language: en-GB, en-US\r\n"
                + "Content-Language: en-GB\r\n"
                + "X-MS-Has-Attach:\r\n"
                + "X-MS-Exchange-Organization-AuthAs: Internal\r\n"
                + "MIME-Version: 1.0\r\n";
    }

    private static String plainBody(String text, String name, int rounds, int variant, boolean compact) {
        StringBuilder b = new StringBuilder(text).append("\n\nThanks,\n").append(name).append("\n\n");
        for (String line : signature(compact)) {
            b.append(line.formatted(name)).append('\n');
        }
        for (int r = 0; r < rounds; r++) {
            String[] earlier = REQUESTS[Math.floorMod(variant + r + 1, REQUESTS.length)];
            b.append("\n________________________________\nFrom: ").append(r % 2 == 0 ? "Contoso IT Support <"
                    + SUPPORT + ">" : name).append("\nSent: Friday, 1 March 2024 16:").append(10 + r % 50)
                    .append("\nTo: ").append(r % 2 == 0 ? name : "Contoso IT Support").append("\nSubject: RE: ")
                    .append(earlier[0]).append("\n\n").append(earlier[1]).append("\n\nBest regards,\n")
                    .append(r % 2 == 0 ? "Contoso IT Support" : name).append('\n');
        }
        return b.toString();
    }

    private static String htmlBody(String text, String name, int rounds, int variant, boolean compact) {
        StringBuilder b = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                + "charset=utf-8\">" + (compact ? "" : "<style>p.MsoNormal{margin:0cm;font-size:11.0pt;"
                + "font-family:\"Calibri\",sans-serif;}</style>") + "</head><body lang=\"EN-GB\" link=\"#0563C1\">"
                + "<div class=\"WordSection1\">");
        for (String line : text.split("\n")) {
            b.append("<p class=\"MsoNormal\">").append(escape(line)).append("<o:p></o:p></p>\r\n");
        }
        b.append("<p class=\"MsoNormal\">Thanks,<br>").append(escape(name)).append("</p>");
        appendSignature(b, name, compact);
        for (int r = 0; r < rounds; r++) {
            String[] earlier = REQUESTS[Math.floorMod(variant + r + 1, REQUESTS.length)];
            b.append("<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">"
                    + "<p class=\"MsoNormal\"><b>From:</b> ").append(r % 2 == 0 ? "Contoso IT Support" : escape(name))
                    .append("<br><b>Sent:</b> Friday, 1 March 2024 16:").append(10 + r % 50)
                    .append("<br><b>Subject:</b> RE: ").append(escape(earlier[0])).append("</p></div>\r\n")
                    .append("<blockquote style=\"margin-left:.5in\">");
            for (String line : earlier[1].split("\n")) {
                b.append("<p class=\"MsoNormal\">").append(escape(line)).append("</p>\r\n");
            }
            b.append("</blockquote>");
        }
        return b.append("</div></body></html>").toString();
    }

    private static List<String> signature(boolean compact) {
        return compact ? List.of(SIGNATURE).subList(0, 3) : List.of(SIGNATURE);
    }

    private static void appendSignature(StringBuilder b, String name, boolean compact) {
        b.append("<table class=\"MsoNormalTable\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\"><tr><td>");
        for (String line : signature(compact)) {
            b.append("<p class=\"MsoNormal\"><span style=\"font-size:9.0pt;color:#595959\">")
                    .append(escape(line.formatted(name))).append("</span></p>");
        }
        b.append("</td></tr></table>\r\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Quoted-printable (RFC 2045) of UTF-8 text, soft line breaks at 76, CRLF line ends. */
    static final class QuotedPrintable {

        private static final char[] HEX = "0123456789ABCDEF".toCharArray();

        static String encode(String text) {
            byte[] bytes = text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + bytes.length / 8);
            int column = 0;
            for (int i = 0; i < bytes.length; i++) {
                int c = bytes[i] & 0xff;
                if (c == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    out.write('\r');
                    out.write('\n');
                    i++;
                    column = 0;
                    continue;
                }
                boolean literal = (c >= 33 && c <= 126 && c != '=') || (c == ' ' && i + 1 < bytes.length
                        && bytes[i + 1] != '\r');
                int width = literal ? 1 : 3;
                if (column + width > 75) {
                    out.write('=');
                    out.write('\r');
                    out.write('\n');
                    column = 0;
                }
                if (literal) {
                    out.write(c);
                } else {
                    out.write('=');
                    out.write(HEX[c >> 4]);
                    out.write(HEX[c & 0xf]);
                }
                column += width;
            }
            return out.toString(StandardCharsets.US_ASCII);
        }
    }
}
