package com.mfadesk.notify.cases;

import io.micronaut.core.annotation.Nullable;

/**
 * A registered method that still works in the user's situation, as the reply names it.
 *
 * @param kind       what it is: {@code office}, {@code alternateMobile}, {@code microsoftAuthenticator},
 *                   {@code fido2}, … (the keys of the {@code alt.*} reply texts)
 * @param lastDigits for a phone, its last two digits: all a message may ever show of a number
 */
public record Alternate(String kind, @Nullable String lastDigits) {
}
