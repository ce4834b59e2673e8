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
        String head = unquoted(lines, 0, cut);
        return head.isBlank() ? unquoted(lines, Math.min(cut + 1, lines.length), lines.length) : head;
    }

    private static String unquoted(String[] lines, int from, int to) {
        List<String> kept = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!lines[i].stripLeading().startsWith(">")) {
                kept.add(lines[i]);
            }
        }
        return String.join("\n", kept).strip();
    }
}
