package com.mfadesk.guidance.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes what intake may have left of quoted history, signature tails and legal disclaimers.
 *
 * <p>Intake already sends only the new text, but a disclaimer full of "confidential" and "verification code" must
 * never steer the classifier, so the text is cut at the first line that starts one of those blocks (unless that
 * would leave nothing, as in a bottom-posted reply) and '>' quote lines are dropped.
 */
public final class MessageCleaner {

    private static final List<Pattern> CUT_AT = List.of(
        Pattern.compile("^-{2,}\\s*(original message|urspr\u00fcngliche nachricht|message d'origine|mensaje original|"
            + "mensagem original|oorspronkelijk bericht|forwarded message|weitergeleitete nachricht)", Pattern.CASE_INSENSITIVE),
        Pattern.compile("^_{8,}\\s*$"),
        Pattern.compile("^on .{0,300}wrote:\\s*$", Pattern.CASE_INSENSITIVE),
        Pattern.compile("^(le|el|am|em|op) .{0,300}(a \u00e9crit|escribi\u00f3|schrieb|escreveu|schreef)\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE),
        Pattern.compile("^(sent from my |get outlook for |envoy\u00e9 de mon |enviado desde mi |enviado do meu |"
            + "verzonden vanaf mijn )", Pattern.CASE_INSENSITIVE),
        Pattern.compile("^-- ?$"),
        Pattern.compile("^(confidentiality|confidential)( &| and)?( security)? notice|^disclaimer\\b|^haftungsausschluss",
            Pattern.CASE_INSENSITIVE),
        Pattern.compile("^this (e-?mail|message)( and any (files|attachments)( transmitted with it)?)?,? (is|are|may contain"
            + "|contains) (confidential|intended|for the sole|privileged|proprietary)", Pattern.CASE_INSENSITIVE),
        Pattern.compile("^(diese (e-?mail|nachricht) (ist|enth\u00e4lt|kann) .{0,40}vertraulich|ce (message|courriel) .{0,60}"
            + "confidenti|este (mensaje|correo) .{0,60}confidencial|dit (bericht|e-?mailbericht) .{0,60}vertrouwelijk|"
            + "esta mensagem .{0,60}confidencia)", Pattern.CASE_INSENSITIVE),
        Pattern.compile("^\\*?(from|von|de|van|da):\\*?\\s.+@", Pattern.CASE_INSENSITIVE));

    /**
     * A closing line ("Kind regards,", "Viele Grüße", "Cordialement", "Un saludo, Ana"): what follows it is a
     * signature (name, title, department, phone numbers) when it is short, so it is dropped; the closing line itself
     * stays because "Thanks," still says something in a follow-up.
     */
    private static final Pattern SIGN_OFF = Pattern.compile("^(((with )?(kind|best|warm|many)?\\s*(regards|wishes)|best|cheers"
        + "|thanks( a lot| again| in advance)?|thank you( very much)?|many thanks|rgds|br|sincerely|yours( sincerely| truly)?"
        + "|mit freundlichen gr(\u00fc|ue|u)(\u00df|ss)en|(viele|beste|liebe|freundliche) gr(\u00fc|ue|u)(\u00df|ss)e|gru(\u00df|ss)"
        + "|mfg|lg|vg|danke( sch\u00f6n| und gru(\u00df|ss))?"
        + "|cordialement|bien (\u00e0|a) vous|bien cordialement|merci( d'avance| beaucoup)?|salutations( distingu\u00e9es)?"
        + "|(un )?saludos?( cordiales)?|atentamente|gracias( de antemano)?|un abrazo"
        + "|met vriendelijke groet(en)?|(vriendelijke )?groet(en|jes)?|mvg|bedankt|alvast bedankt"
        + "|(com os )?(melhores )?cumprimentos|atenciosamente|obrigad[oa]|abra\u00e7os?)"
        + "[!.,]*)(\\s+[\\p{L}.\\-']+){0,3}\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int MAX_SIGNATURE_LINES = 6;
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    /** "Mobile: +44 7700 900123", "T +49 89 1234-56", "+33 1 23 45 67 89" */
    private static final Pattern CONTACT_LINE = Pattern.compile(
        "^([\\p{L}.]{1,12}\\s*[:.]?\\s*)?\\+?\\(?\\d[\\d\\s()./-]{6,}\\d(\\s*(\\||ext\\.?|x)\\s*.*)?$",
        Pattern.CASE_INSENSITIVE);

    public String clean(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        int cut = lines.length;
        for (int i = 0; i < lines.length && cut == lines.length; i++) {
            String line = lines[i].strip();
            for (Pattern p : CUT_AT) {
                if (p.matcher(line).find()) {
                    cut = i;
                    break;
                }
            }
        }
        cut = signatureStart(lines, cut);
        String head = unquoted(lines, 0, cut);
        return head.isBlank() ? unquoted(lines, Math.min(cut + 1, lines.length), lines.length) : head;
    }

    /** The index after the last sign-off line followed only by a short signature, else {@code end}. */
    private static int signatureStart(String[] lines, int end) {
        for (int i = end - 1, nonBlank = 0; i >= 0 && nonBlank <= MAX_SIGNATURE_LINES; i--) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (i > 0 && SIGN_OFF.matcher(line).matches()) {
                return i + 1;
            }
            if (line.length() > 80 || line.endsWith("?") || WORD.matcher(line).results().count() > 6) {
                return end; // a sentence, not a name / title / phone line
            }
            nonBlank++;
        }
        return end;
    }

    private static String unquoted(String[] lines, int from, int to) {
        List<String> kept = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!lines[i].stripLeading().startsWith(">") && !CONTACT_LINE.matcher(lines[i].strip()).matches()) {
                kept.add(lines[i]);
            }
        }
        return String.join("\n", kept).strip();
    }
}
