package com.mfadesk.notify.cases;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** SUPPORT_MAILBOX: the shared mailbox that receives support mail and sends every answer. */
@ConfigurationProperties("support")
public record SupportMailboxConfiguration(@Nullable String mailbox) {
}
