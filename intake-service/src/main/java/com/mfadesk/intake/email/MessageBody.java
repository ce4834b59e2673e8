package com.mfadesk.intake.email;

import java.util.List;

/**
 * The text and attachments of a MIME tree.
 *
 * @param fullText     every readable text part, forwarded messages included
 * @param authoredText the text before any history the MIME or HTML structure marks (blockquotes, attached
 *                     messages); still to be stripped of quotes and signatures written in plain text
 * @param attachments  attachment metadata
 * @param warnings     limits hit and parts that could not be read
 */
record MessageBody(String fullText, String authoredText, List<EmailAttachment> attachments, List<String> warnings) {
}
