package com.mfadesk.intake.email;

/**
 * Why intake takes a message in without answering it. Answering any of these would start a mail loop or reply to a
 * machine (RFC 3834).
 */
public enum IgnoreReason {
    /** Out-of-office and other automatic responses ({@code Auto-Submitted}, {@code X-Autoreply}, OOO subjects). */
    AUTO_REPLY,
    /** Delivery status notifications: NDRs, DSNs, mail from MAILER-DAEMON/postmaster. */
    BOUNCE,
    /** Message disposition notifications ("Read: …"). */
    READ_RECEIPT
}
