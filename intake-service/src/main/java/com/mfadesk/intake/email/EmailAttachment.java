package com.mfadesk.intake.email;

/**
 * Metadata of an attachment; the bytes stay in the stored raw message.
 *
 * @param name        file name as the sender gave it, or a stand-in such as {@code forwarded.eml} when absent
 * @param contentType lower-case MIME type without parameters, e.g. {@code application/pdf}
 * @param size        decoded size in bytes
 * @param inline      true for parts shown inside the body (images of an HTML signature, {@code multipart/related})
 */
public record EmailAttachment(String name, String contentType, long size, boolean inline) {
}
