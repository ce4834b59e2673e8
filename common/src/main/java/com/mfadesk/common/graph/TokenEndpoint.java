package com.mfadesk.common.graph;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The app registration's token endpoint (GRAPH_TOKEN_URL): a grant goes in with the app's credential added to it, a
 * token comes out. Plain JDK HTTP: azure-identity and MSAL refuse the http:// token URL of a loopback stand-in.
 */
@Singleton
public class TokenEndpoint {

    private final GraphConfiguration configuration;
    private final AppCredential credential;
    private final ObjectMapper objectMapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public TokenEndpoint(GraphConfiguration configuration, AppCredential credential, ObjectMapper objectMapper) {
        this.configuration = configuration;
        this.credential = credential;
        this.objectMapper = objectMapper;
    }

    /** @param grantForm the grant type and its parameters, form-encoded */
    public OAuthTokens.TokenResponse request(String grantForm) {
        String form = grantForm + "&" + credential.formFields();
        HttpRequest request = HttpRequest.newBuilder(URI.create(configuration.effectiveTokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new GraphException(response.statusCode(),
                        "token endpoint answered " + response.statusCode(), response.statusCode() >= 500);
            }
            OAuthTokens.TokenResponse body = objectMapper.readValue(response.body(), OAuthTokens.TokenResponse.class);
            if (body.accessToken() == null) {
                throw new GraphException(502, "token endpoint answered without access_token", true);
            }
            return body;
        } catch (IOException e) {
            throw new GraphException(0, "token endpoint unreachable: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(0, "interrupted while fetching a token", true);
        }
    }
}
