package com.mfadesk.intake.cases;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** SUPPORT_MAILBOX: mail from it is our own and never answered. */
@ConfigurationProperties("support")
public record SupportMailboxConfiguration(@Nullable String mailbox) {
}
