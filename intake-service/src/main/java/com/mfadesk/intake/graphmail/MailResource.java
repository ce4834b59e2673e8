package com.mfadesk.intake.graphmail;

import com.mfadesk.intake.notifications.ResourcePath;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.mfadesk.intake.notifications.ResourcePath.KEY;
import static com.mfadesk.intake.notifications.ResourcePath.key;

/**
 * The mail a change notification points at: Graph writes {@code Users/{user id}/Messages/{id}} (or the OData key
 * form {@code Users('…')/Messages('…')}). Only the message id matters: the mail is always read from SUPPORT_MAILBOX.
 */
final class MailResource {

    private static final Pattern MESSAGE = Pattern.compile("^/?users" + KEY + "/messages" + KEY + "/?$",
            Pattern.CASE_INSENSITIVE);

    private MailResource() {
    }

    static Optional<String> messageIdOf(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        Matcher matcher = MESSAGE.matcher(ResourcePath.decode(resource));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(key(matcher, 3));
    }

    /** The resource a catch-up queues for a mail it found, in the form Graph's notifications use. */
    static String of(String mailbox, String messageId) {
        return "users/" + mailbox + "/messages/" + messageId;
    }
}
