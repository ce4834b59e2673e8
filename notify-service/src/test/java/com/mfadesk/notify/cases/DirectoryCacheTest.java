package com.mfadesk.notify.cases;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.mfadesk.notify.support.Handoffs;
import com.mfadesk.notify.support.Methods;
import com.mfadesk.notify.support.NotifyTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Users found in the directory are remembered as briefly as their methods: a burst from one person costs one look-up. */
@MicronautTest(transactional = false)
class DirectoryCacheTest extends NotifyTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("graph.directory-cache-ttl", "2m");
        return properties;
    }

    @Test
    void aSecondMailFromTheSameUserSoonAfterCostsNoSecondDirectoryLookUp() {
        String casey = "casey.cache@contoso.com";
        graph.userHasMethods(casey, "u-casey", "Casey Cache", Methods.mobile("+1 312 555 0117"),
                Methods.office("+1 312 555 0142"));
        String first = newCaseId();
        String second = newCaseId();
        graph.acceptsEverySend("<m31@contoso.com>", "AAMkReply31");

        handOver(Handoffs.email(first, "no-phone-today", casey, "Casey Cache", true, "<m31@contoso.com>"));
        awaitDecision(first);
        handOver(Handoffs.email(second, "code-not-received", casey, "Casey Cache", true, "<m31@contoso.com>"));
        awaitDecision(second);

        assertEquals(1, graph.requests(WireMock.getRequestedFor(urlPathMatching("/v1.0/users/casey\\.cache(@|%40)contoso\\.com"))).size(),
                "the user found for the first mail is remembered for the second");
    }
}
