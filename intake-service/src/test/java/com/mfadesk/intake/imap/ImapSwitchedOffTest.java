package com.mfadesk.intake.imap;

import com.mfadesk.intake.support.IntakeTestBase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** docker-compose passes an unset IMAP_HOST as an empty string: that must leave IMAP intake off, not failing. */
@MicronautTest(transactional = false)
class ImapSwitchedOffTest extends IntakeTestBase {

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("imap.host", "");
        return properties;
    }

    @Test
    void emptyHostStartsNoPoller() {
        assertFalse(context.containsBean(MailboxPoller.class));
        assertFalse(context.containsBean(MailboxConnection.class));
        assertFalse(context.containsBean(ExchangeOnlineTokenSource.class));
    }
}
