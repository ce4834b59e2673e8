package com.mfadesk.intake.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a plain-text mail body down to what the sender wrote in this message.
 *
 * <p>Algorithm, linear in the input:
 * <ol>
 *   <li>Walk the lines top-down. Each line is classified on at most its first {@value #MAX_LINE_CHARS} characters,
 *       and every look-ahead is bounded, so a huge line or 100k quoted lines cost no more per line than a short one.
 *     <ul>
 *       <li>A line starting with {@code >} is quoted: dropped, and the walk goes on, so answers written between or
 *           below quotes are kept.</li>
 *       <li>An attribution ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", "El … escribió:", "Op … schreef …:",
 *           "Em … escreveu:", wrapped over up to three lines) directly above quoted lines is dropped with them.
 *           Without quoted lines below, it starts unquoted history: cut there.</li>
 *       <li>An Outlook header block ("From:" then "Sent:"/"Date:" or "To:"+"Subject:" within a few lines, also
 *           Von/Gesendet, De/Envoyé, De/Enviado, Van/Verzonden), an "-----Original Message-----" line or a
 *           forwarded-message separator: cut, everything below is history. A note written above a forward is kept
 *           as the new text.</li>
 *       <li>The signature delimiter "-- " or a mobile signature ("Sent from my iPhone", "Von meinem iPhone
 *           gesendet", "Get Outlook for iOS"): cut.</li>
 *     </ul></li>
 *   <li>Separator lines ({@code ____}, {@code ----}) left dangling above a cut go.</li>
 *   <li>Trailing paragraphs that read as a legal disclaimer go, last first: a paragraph that opens like one
 *       ("CONFIDENTIALITY NOTICE", "This e-mail and any attachments", "Diese E-Mail enthält…") and uses its words,
 *       (two of them at least), or a long one full of them (confidential, intended recipient, privileged…). The
 *       first paragraph always stays.</li>
 *   <li>Whitespace is tidied.</li>
 * </ol>
 */
public final class ReplyStripper {

    static final int MAX_LINE_CHARS = 1000;
    private static final int ATTRIBUTION_MAX_LINES = 3;
    private static final int HEADER_BLOCK_LOOKAHEAD = 6;
    private static final int DISCLAIMER_SCAN_CHARS = 5000;

    private static final String LABEL_PREFIX = "^[*_]{0,2}";
    private static final String LABEL_SUFFIX = "[*_]{0,2}[\\s\\u00A0]?:";

    private static final Pattern ATTRIBUTION_START = Pattern.compile(
            "^(On|Am|Le|El|Op|Em|Il|På|Den|W dniu)\\s", Pattern.UNICODE_CASE);
    private static final Pattern ATTRIBUTION_END = Pattern.compile(
            "(wrote|writes|schrieb|a écrit|escribió|escreveu|schreef|ha scritto|skrev|kirjoitti|napisał)\\b[^:]{0,100}:$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_FROM = Pattern.compile(LABEL_PREFIX
            + "(From|Von|De|Van|Da|Från|Fra|Od|Lähettäjä|Feladó|Kimden|От)" + LABEL_SUFFIX + "[*_]{0,2}[\\s\\u00A0]*\\S");
    private static final Pattern HEADER_DATE = Pattern.compile(LABEL_PREFIX
            + "(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Enviada|Fecha|Verzonden|Verstuurd|Data|Inviato|Skickat|Sendt"
            + "|Lähetetty|Elküldve|Gönderildi|Wysłano|Odesláno|Отправлено)" + LABEL_SUFFIX);
    private static final Pattern HEADER_OTHER = Pattern.compile(LABEL_PREFIX
            + "(To|Cc|Subject|An|Betreff|À|Objet|Para|Asunto|Aan|Onderwerp|Assunto|A|Oggetto|Till|Ämne|Til|Emne)"
            + LABEL_SUFFIX);
    private static final Pattern ORIGINAL_OR_FORWARDED = Pattern.compile(
            "^(-{2,}\\s*(original message|ursprüngliche nachricht|originalnachricht|message d'origine|message original"
                    + "|mensaje original|oorspronkelijk bericht|origineel bericht|mensagem original|messaggio originale"
                    + "|ursprungligt meddelande|oprindelig meddelelse|opprinnelig melding|forwarded message"
                    + "|weitergeleitete nachricht|message transféré|mensaje reenviado|doorgestuurd bericht"
                    + "|mensagem encaminhada|messaggio inoltrato|vidarebefordrat meddelande)\\s*-{2,}"
                    + "|(begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié"
                    + "|inicio del mensaje reenviado|begin doorgestuurd bericht|início da mensagem encaminhada"
                    + "|inizio messaggio inoltrato)[\\s\\u00A0]?:)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "^(sent from my [^,?!]{1,40}"
                    + "|sent from (outlook|mail|yahoo mail|aol|samsung|gmail|proton ?mail|zoho)\\b[^,?!]{0,40}"
                    + "|sent (with|via|using) (my )?(blackberry|samsung|galaxy|android|iphone|ipad|mobile|proton|spark"
                    + "|airmail|superhuman|outlook)[^,?!]{0,40}"
                    + "|get outlook for (ios|android)"
                    + "|von meinem [^,?!]{1,40} gesendet"
                    + "|gesendet (von|vom|mit) (meinem |der )?(iphone|ipad|samsung|android|mobil|handy|smartphone"
                    + "|outlook|galaxy|huawei|blackberry)[^,?!]{0,40}"
                    + "|envoyé (de|depuis) (mon|ma) [^,?!]{1,40}"
                    + "|enviado (desde|de) mi [^,?!]{1,40}"
                    + "|enviado (do|a partir do) meu [^,?!]{1,40}"
                    + "|(verzonden|verstuurd) (vanaf|met) (mijn )?(iphone|ipad|samsung|android|mobiel|telefoon|outlook"
                    + "|galaxy|huawei)[^,?!]{0,40}"
                    + "|inviato da(l mio)? (iphone|ipad|samsung|android|outlook|galaxy|huawei)[^,?!]{0,40}"
                    + "|skickat från min [^,?!]{1,40})[.!]?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SEPARATOR = Pattern.compile("^[-_=*~#.]{3,}$");
    private static final Pattern DISCLAIMER_OPENER = Pattern.compile(
            "^[*_\\s]{0,3}(confidentiality|confidential|disclaimer|legal notice|important notice|important:|notice:|privileged"
                    + "|this (e-?mail|message|communication|transmission)|the (information|content)s? (in|of|contained)"
                    + "|diese (e-?mail|nachricht)|dieses e-?mail|vertraulichkeit|haftungsausschluss|hinweis:"
                    + "|ce (message|courriel|courrier)|avertissement|avis de confidentialité|este (mensaje|correo|e-?mail)"
                    + "|aviso|deze (e-?mail|mail|bericht)|dit (bericht|e-?mailbericht)|esta mensagem|este e-?mail"
                    + "|questo messaggio|avviso)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Words of legal disclaimers, lower case. Looked up with {@link String#contains} in the lower-cased paragraph: a
     * case-insensitive regex alternation of them tried at every character was a tenth of the parse of a short mail.
     */
    private static final List<String> DISCLAIMER_WORDS = List.of("confidential", "intended recipient",
            "intended solely", "privileged", "unauthorised", "unauthorized", "prohibited", "disclos", "addressee",
            "in error", "notify the sender", "destroy", "legally", "liability", "virus", "vertraulich", "empfänger",
            "irrtümlich", "unbefugt", "confidentiel", "destinataire", "interdit", "confidencial", "destinatario",
            "prohibid", "vertrouwelijk", "geadresseerde", "riservat", "destinatário", "proibid");

    /** The sender's own words of {@code text}, a plain-text body. */
    public String newText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> lines = text.lines().toList();
        List<String> kept = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = head(lines.get(i));
            if (line.startsWith(">")) {
                i++;
                continue;
            }
            int attribution = attributionLines(lines, i);
            if (attribution > 0) {
                int next = nextNonBlank(lines, i + attribution);
                if (next < lines.size() && head(lines.get(next)).startsWith(">")) {
                    i = next; // "On … wrote:" above quoted lines: both go, what follows them may be new text
                    continue;
                }
                if (ATTRIBUTION_START.matcher(line).lookingAt()) {
                    break; // the history under it is not quoted: everything below is history
                }
            }
            if (isHistoryStart(lines, i, line) || isSignatureStart(line)) {
                break;
            }
            kept.add(lines.get(i));
            i++;
        }
        dropTrailingSeparators(kept);
        return TextTidy.tidy(String.join("\n", kept.subList(0, withoutTrailingDisclaimers(kept))));
    }

    private static String head(String line) {
        return (line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) : line).strip();
    }

    /** How many lines (1-3) the attribution starting at {@code start} spans, or 0 when there is none. */
    private static int attributionLines(List<String> lines, int start) {
        String first = head(lines.get(start));
        if (first.isEmpty()) {
            return 0;
        }
        if (!ATTRIBUTION_START.matcher(first).lookingAt()) {
            return endsLikeAttribution(first) ? 1 : 0; // "Jane Doe <jane@x> wrote:" counts only above quotes
        }
        StringBuilder joined = new StringBuilder(first);
        for (int k = 0; k < ATTRIBUTION_MAX_LINES; k++) {
            if (endsLikeAttribution(joined)) {
                return k + 1;
            }
            int nextIndex = start + k + 1;
            if (nextIndex >= lines.size()) {
                return 0;
            }
            String next = head(lines.get(nextIndex));
            if (next.isEmpty() || next.startsWith(">")) {
                return 0;
            }
            joined.append(' ').append(next);
        }
        return 0;
    }

    private static boolean endsLikeAttribution(CharSequence text) {
        int length = text.length();
        if (length == 0 || text.charAt(length - 1) != ':') {
            return false;
        }
        // Only the tail can hold "wrote … :", which keeps the match cheap on long lines.
        CharSequence tail = text.subSequence(Math.max(0, length - 160), length);
        return ATTRIBUTION_END.matcher(tail).find();
    }

    private static int nextNonBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static boolean isHistoryStart(List<String> lines, int index, String line) {
        if (ORIGINAL_OR_FORWARDED.matcher(line).matches()) {
            return true;
        }
        if (!HEADER_FROM.matcher(line).lookingAt()) {
            return false;
        }
        boolean date = false;
        boolean to = false;
        boolean subject = false;
        int end = Math.min(lines.size(), index + 1 + HEADER_BLOCK_LOOKAHEAD);
        for (int k = index + 1; k < end; k++) {
            String next = head(lines.get(k));
            if (HEADER_DATE.matcher(next).lookingAt()) {
                date = true;
            } else {
                Matcher other = HEADER_OTHER.matcher(next);
                if (other.lookingAt()) {
                    String label = other.group(1);
                    if (label.equals("Subject") || label.equals("Betreff") || label.equals("Objet")
                            || label.equals("Asunto") || label.equals("Onderwerp") || label.equals("Assunto")
                            || label.equals("Oggetto") || label.equals("Ämne") || label.equals("Emne")) {
                        subject = true;
                    } else {
                        to = true;
                    }
                }
            }
        }
        return date || (to && subject);
    }

    private static boolean isSignatureStart(String line) {
        return line.equals("--") || line.equals("-- ") || MOBILE_SIGNATURE.matcher(line).matches();
    }

    private static void dropTrailingSeparators(List<String> kept) {
        while (!kept.isEmpty()) {
            String last = head(kept.get(kept.size() - 1));
            if (!last.isEmpty() && !SEPARATOR.matcher(last).matches()) {
                return;
            }
            kept.remove(kept.size() - 1);
        }
    }

    /** Number of leading lines to keep once trailing disclaimer paragraphs are gone. */
    private static int withoutTrailingDisclaimers(List<String> lines) {
        List<Integer> paragraphStarts = new ArrayList<>();
        boolean inParagraph = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = head(lines.get(i));
            boolean breakLine = line.isEmpty() || SEPARATOR.matcher(line).matches();
            if (breakLine) {
                inParagraph = false;
            } else if (!inParagraph || DISCLAIMER_OPENER.matcher(line).lookingAt()) {
                // a disclaimer glued under the sign-off still starts its own paragraph
                paragraphStarts.add(i);
                inParagraph = true;
            }
        }
        int keep = lines.size();
        for (int p = paragraphStarts.size() - 1; p >= 1; p--) {
            int start = paragraphStarts.get(p);
            if (!isDisclaimer(lines.subList(start, keep))) {
                break;
            }
            keep = start;
        }
        return keep;
    }

    private static boolean isDisclaimer(List<String> paragraph) {
        StringBuilder text = new StringBuilder();
        for (String line : paragraph) {
            if (text.length() >= DISCLAIMER_SCAN_CHARS) {
                break;
            }
            text.append(head(line)).append(' ');
        }
        String lowerCase = text.toString().toLowerCase(Locale.ROOT);
        int words = 0;
        for (String word : DISCLAIMER_WORDS) {
            if (lowerCase.contains(word)) {
                words++;
            }
        }
        boolean opener = DISCLAIMER_OPENER.matcher(text).lookingAt();
        return (opener && words >= 2) || (words >= 3 && text.length() >= 150);
    }
}
