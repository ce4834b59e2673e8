package com.mfadesk.intake.email;

/**
 * The bytes are not a mail we can take in: no header section, or no {@code From} that parses as an address. The
 * contract answers this with 400; every other oddity is parsed best-effort instead.
 */
public class UnreadableEmailException extends RuntimeException {

    public UnreadableEmailException(String message) {
        super(message);
    }

    public UnreadableEmailException(String message, Throwable cause) {
        super(message, cause);
    }
}
