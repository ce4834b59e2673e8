package com.mfadesk.intake.email;

/** One address of an address header: lower-case address and its decoded display name (or null). */
record Mailbox(String address, String name) {
}
