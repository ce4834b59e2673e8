package com.mfadesk.guidance.evaluation;

import com.mfadesk.guidance.classify.FollowUpOutcome;
import com.mfadesk.vocabulary.Scenario;
import com.mfadesk.guidance.text.MessageCleaner;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a corpus folder in the dev-corpus format (cases.jsonl + email/*.eml + teams/*.json) and extracts each
 * message's new text the way intake hands it to guidance: text/plain preferred, else HTML converted, quoted
 * history and signatures cut.
 */
final class CorpusReader {

    private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");

    private final JsonMapper json = JsonMapper.createDefault();
    private final MessageCleaner cleaner = new MessageCleaner();

    List<CorpusCase> read(Path folder) throws IOException {
        List<CorpusCase> cases = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("cases.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = json.readValue(line, JsonNode.class);
            if (c.get("file") == null && c.get("text") != null) {
                cases.add(inline(c));
                continue;
            }
            JsonNode expected = c.get("expected");
            String channel = c.get("channel").getStringValue();
            Path file = folder.resolve(c.get("file").getStringValue());
            String[] subjectAndText = "EMAIL".equals(channel) ? email(file) : teams(file);
            boolean followUp = c.get("followUpOf") != null && !c.get("followUpOf").isNull();
            String status = text(expected, "status");
            Scenario scenario = Scenario.byId(text(expected, "scenario")).orElseThrow();
            cases.add(new CorpusCase(c.get("id").getStringValue(), channel, subjectAndText[0], subjectAndText[1],
                followUp, scenario, followUp ? expectedOutcome(expected, scenario) : null,
                !"DUPLICATE".equals(status) && !"IGNORED".equals(status)));
        }
        return cases;
    }

    /**
     * The compact format of {@code src/test/resources/generalisation/cases.jsonl}: the message inline
     * ({@code subject}, {@code text}, {@code followUp}) and {@code expected} = {@code {scenario, followUpOutcome,
     * saysNoAlternate?, fixAlreadyTried?}} (the flags default to false).
     */
    private CorpusCase inline(JsonNode c) {
        JsonNode expected = c.get("expected");
        boolean followUp = c.get("followUp") != null && c.get("followUp").getBooleanValue();
        String outcome = text(expected, "followUpOutcome");
        return new CorpusCase(c.get("id").getStringValue(), c.get("channel").getStringValue(),
            c.get("subject") == null || c.get("subject").isNull() ? "" : c.get("subject").getStringValue(),
            c.get("text").getStringValue(), followUp, Scenario.byId(text(expected, "scenario")).orElseThrow(),
            followUp && outcome != null ? FollowUpOutcome.valueOf(outcome) : null, true, text(c, "language"),
            flag(expected, "saysNoAlternate"), flag(expected, "fixAlreadyTried"), methods(expected),
            text(c, "writer"));
    }

    private static Set<String> methods(JsonNode expected) {
        JsonNode list = expected.get("unavailableMethods");
        if (list == null || list.isNull()) {
            return null;
        }
        Set<String> out = new TreeSet<>();
        list.values().forEach(v -> out.add(v.getStringValue()));
        return out;
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull() && v.getBooleanValue();
    }

    /** As the acceptance harness scores it: FIX_FAILED escalations, RESOLVED when the reply closes the case. */
    private static FollowUpOutcome expectedOutcome(JsonNode expected, Scenario scenario) {
        if ("FIX_FAILED".equals(text(expected, "reason"))) {
            return FollowUpOutcome.FIX_FAILED;
        }
        return scenario == Scenario.NOT_SUPPORT ? FollowUpOutcome.RESOLVED : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.getStringValue();
    }

    private String[] email(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            String subject = message.getSubject() == null ? "" : message.getSubject();
            Part body = bodyPart(message, "text/plain");
            if (body == null) {
                Part html = bodyPart(message, "text/html");
                return new String[] {subject, html == null ? "" : tidy(htmlToText(html.getContent().toString()))};
            }
            return new String[] {subject, tidy(body.getContent().toString())};
        } catch (MessagingException e) {
            throw new IOException("unreadable message " + file, e);
        }
    }

    private static Part bodyPart(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Part found = bodyPart(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private String[] teams(Path file) throws IOException {
        JsonNode message = json.readValue(Files.readAllBytes(file), JsonNode.class);
        JsonNode subject = message.get("subject");
        JsonNode body = message.get("body");
        String content = body == null || body.get("content") == null || body.get("content").isNull()
            ? "" : body.get("content").getStringValue();
        return new String[] {subject == null || subject.isNull() ? "" : subject.getStringValue(),
            tidy(htmlToText(content))};
    }

    /** Block elements become line breaks; quoted replies (blockquote, Outlook's reply header) are dropped. */
    private static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("blockquote, .gmail_quote, .yahoo_quoted, style, script, head").remove();
        for (Element marker : doc.select("#divRplyFwdMsg, #appendonsend, #x_divRplyFwdMsg, .moz-cite-prefix")) {
            Element parent = marker.parent();
            int index = marker.siblingIndex();
            if (parent != null) {
                List<org.jsoup.nodes.Node> tail = new ArrayList<>(parent.childNodes().subList(index, parent.childNodeSize()));
                tail.forEach(org.jsoup.nodes.Node::remove);
            }
        }
        doc.select("br").after("\n");
        doc.select("p, div, li, tr, h1, h2, h3, h4, table, ul, ol").prepend("\n").append("\n");
        return doc.body() == null ? "" : doc.body().wholeText();
    }

    private String tidy(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder();
        for (String line : normalized.split("\n")) {
            out.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return BLANK_RUNS.matcher(cleaner.clean(out.toString())).replaceAll("\n\n").strip();
    }
}
