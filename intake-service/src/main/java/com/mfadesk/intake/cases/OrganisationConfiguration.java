package com.mfadesk.intake.cases;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;

/** ORG_DOMAINS and SUPPORT_MAILBOX: who counts as an employee, and which address is our own. */
@ConfigurationProperties("org")
public record OrganisationConfiguration(@Nullable List<String> domains) {

    public boolean isOrganisationAddress(String address) {
        if (address == null || domains == null) {
            return false;
        }
        int at = address.lastIndexOf('@');
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        return at > 0 && domains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).anyMatch(domain::equals);
    }
}
