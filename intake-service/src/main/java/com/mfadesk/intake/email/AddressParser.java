package com.mfadesk.intake.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads address headers leniently: Jakarta Mail's non-strict parser first, then, when it gives up on a broken
 * header, any {@code local@domain} found in the text. An entry without {@code @} is not an address.
 */
final class AddressParser {

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,253}");
    private static final Pattern VALID = Pattern.compile("[^\\s@<>()\\[\\],;:\"]{1,64}@[^\\s@<>()\\[\\],;:\"]{1,253}");

    private AddressParser() {
    }

    static List<Mailbox> parse(String header, int max) {
        List<Mailbox> mailboxes = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return mailboxes;
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                if (mailboxes.size() >= max) {
                    break;
                }
                String value = address.getAddress() == null ? "" : address.getAddress().strip();
                if (VALID.matcher(value).matches()) {
                    mailboxes.add(new Mailbox(value.toLowerCase(Locale.ROOT), displayName(address.getPersonal())));
                }
            }
        } catch (AddressException | RuntimeException e) {
            mailboxes.clear();
        }
        if (mailboxes.isEmpty()) {
            Matcher matcher = ADDRESS.matcher(header);
            while (matcher.find() && mailboxes.size() < max) {
                mailboxes.add(new Mailbox(matcher.group().toLowerCase(Locale.ROOT), null));
            }
        }
        return mailboxes;
    }

    static List<String> addresses(String header, int max) {
        return parse(header, max).stream().map(Mailbox::address).toList();
    }

    private static String displayName(String personal) {
        if (personal == null) {
            return null;
        }
        // Jakarta Mail leaves encoded words it cannot decode (mid-word, unknown charset) as they are.
        String name = EncodedWords.decode(personal).strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        return name.isEmpty() ? null : name;
    }
}
