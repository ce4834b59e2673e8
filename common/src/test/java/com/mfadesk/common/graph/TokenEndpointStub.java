package com.mfadesk.common.graph;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The app registration's token endpoint on WireMock: issues a token to anyone (or refuses everyone), and tells what
 * it was sent.
 */
final class TokenEndpointStub implements AutoCloseable {

    private static final String PATH = "/tenant/oauth2/v2.0/token";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    TokenEndpointStub() {
        server.start();
        issues();
    }

    /** Every request gets a token (the initial behaviour). */
    void issues() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"app-token\"}")));
    }

    /** Every request is refused as Entra ID refuses a credential it does not accept. */
    void refuses() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700213: No matching "
                        + "federated identity record found\"}")));
    }

    String url() {
        return server.baseUrl() + PATH;
    }

    /** Each token request's form, decoded, in the order received. */
    List<Map<String, String>> forms() {
        return server.findAll(postRequestedFor(urlPathEqualTo(PATH))).stream()
                .map(request -> decode(request.getBodyAsString()))
                .toList();
    }

    /** Forgets the requests received and issues tokens again. */
    void reset() {
        server.resetAll();
        issues();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
