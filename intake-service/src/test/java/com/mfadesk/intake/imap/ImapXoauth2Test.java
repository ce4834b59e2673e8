package com.mfadesk.intake.imap;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a client secret: a client-credentials token for Exchange's scope from the app registration's endpoint. */
@MicronautTest(transactional = false)
class ImapXoauth2Test extends ImapXoauth2TestBase {

    static final String TOKEN_PATH = "/tenant/oauth2/v2.0/token";

    @Override
    protected Map<String, String> credentialProperties() {
        stubTokenEndpoint(this);
        return Map.of("graph.token-url", credentials.baseUrl() + TOKEN_PATH, "graph.client-id", "intake-app",
                "graph.client-secret", "app-secret");
    }

    /** The app registration's token endpoint hands out {@link #TOKEN}. */
    static void stubTokenEndpoint(ImapXoauth2TestBase test) {
        test.credentials.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + TOKEN + "\"}")));
    }

    @Test
    void mailboxIsOpenedWithAnExchangeTokenAndMailTakenIn() {
        mailIsTakenIn();

        List<LoggedRequest> tokenRequests = credentials.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertFalse(tokenRequests.isEmpty());
        String form = tokenRequests.get(0).getBodyAsString();
        assertTrue(form.contains("grant_type=client_credentials"), form);
        assertTrue(form.contains("client_id=intake-app"), form);
        assertTrue(form.contains("scope=" + URLEncoder.encode("https://outlook.office365.com/.default",
                StandardCharsets.UTF_8)), form);
    }
}
