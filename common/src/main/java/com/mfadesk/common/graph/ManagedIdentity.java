package com.mfadesk.common.graph;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The app's own tokens from the platform's managed identity (GRAPH_MANAGED_IDENTITY=true): no secret, certificate or
 * app registration of ours, the platform vouches for the workload. Microsoft documents two local endpoints, both a
 * GET per resource (a token is for one resource: Graph's is {@code https://graph.microsoft.com}, the scope without
 * {@code /.default}):
 * <ul>
 *   <li>App Service, Functions, Container Apps: IDENTITY_ENDPOINT, {@code api-version=2019-08-01}, the
 *       IDENTITY_HEADER value in {@code X-IDENTITY-HEADER}; the answer's {@code expires_on} is epoch seconds;</li>
 *   <li>VMs and scale sets: IMDS at 169.254.169.254, {@code api-version=2018-02-01}, {@code Metadata: true}; the
 *       answer has {@code expires_in} and {@code expires_on}, numbers as strings.</li>
 * </ul>
 * {@code client_id} names a user-assigned identity (GRAPH_MANAGED_IDENTITY_CLIENT_ID). Both are plain http on a
 * local address, never through a proxy. 404 (IMDS updating), 429 and 5xx are worth retrying, the rest are not.
 */
final class ManagedIdentity implements AppIdentity {

    static final String IMDS_ENDPOINT = "http://169.254.169.254/metadata/identity/oauth2/token";
    private static final String DEFAULT_SUFFIX = "/.default";

    private final String endpoint;
    private final String apiVersion;
    private final String headerName;
    private final String headerValue;
    private final String clientId;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ManagedIdentity(String endpoint, String apiVersion, String headerName, String headerValue,
                            @Nullable String clientId, ObjectMapper objectMapper, Clock clock) {
        this.endpoint = endpoint;
        this.apiVersion = apiVersion;
        this.headerName = headerName;
        this.headerValue = headerValue;
        this.clientId = GraphConfiguration.isSet(clientId) ? clientId.strip() : null;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** App Service's endpoint when the platform has set IDENTITY_ENDPOINT, else the VM's IMDS. */
    static ManagedIdentity of(GraphConfiguration configuration, ObjectMapper objectMapper, Clock clock) {
        if (!GraphConfiguration.isSet(configuration.identityEndpoint())) {
            return imds(IMDS_ENDPOINT, configuration.managedIdentityClientId(), objectMapper, clock);
        }
        if (!GraphConfiguration.isSet(configuration.identityHeader())) {
            throw new ConfigurationException("GRAPH_MANAGED_IDENTITY: IDENTITY_ENDPOINT is set but IDENTITY_HEADER "
                    + "is not; App Service sets both when the app has a managed identity");
        }
        return new ManagedIdentity(configuration.identityEndpoint().strip(), "2019-08-01", "X-IDENTITY-HEADER",
                configuration.identityHeader(), configuration.managedIdentityClientId(), objectMapper, clock);
    }

    static ManagedIdentity imds(String endpoint, @Nullable String clientId, ObjectMapper objectMapper, Clock clock) {
        return new ManagedIdentity(endpoint, "2018-02-01", "Metadata", "true", clientId, objectMapper, clock);
    }

    @Override
    public OAuthTokens.TokenResponse tokenFor(String scope) {
        String resource = scope.endsWith(DEFAULT_SUFFIX)
                ? scope.substring(0, scope.length() - DEFAULT_SUFFIX.length()) : scope;
        String query = "api-version=" + apiVersion + "&resource=" + OAuthTokens.encode(resource)
                + (clientId == null ? "" : "&client_id=" + OAuthTokens.encode(clientId));
        URI uri = URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + query);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header(headerName, headerValue)
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, Object> body = parse(response.body());
            int status = response.statusCode();
            if (status != 200) {
                throw new GraphException(status, "managed identity endpoint answered " + status + reason(body),
                        status == 404 || status == 429 || status >= 500);
            }
            Object accessToken = body.get("access_token");
            if (accessToken == null) {
                throw new GraphException(502, "managed identity endpoint answered without access_token", true);
            }
            return new OAuthTokens.TokenResponse(accessToken.toString(), lifetime(body), null);
        } catch (IOException e) {
            throw new GraphException(0, "managed identity endpoint unreachable: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(0, "interrupted while fetching a token", true);
        }
    }

    /** Seconds left: {@code expires_on} is the token's own exp; {@code expires_in} counts from when it was issued. */
    @Nullable
    private Long lifetime(Map<String, Object> body) {
        Long expiresOn = number(body.get("expires_on"));
        if (expiresOn != null) {
            return expiresOn - clock.instant().getEpochSecond();
        }
        return number(body.get("expires_in"));
    }

    @Nullable
    private static Long number(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.toString().strip());
        } catch (NumberFormatException notEpochSeconds) {
            return null;
        }
    }

    private Map<String, Object> parse(byte[] body) {
        try {
            Map<String, Object> map = objectMapper.readValue(body, Argument.mapOf(String.class, Object.class));
            return map == null ? Map.of() : map;
        } catch (IOException notJson) {
            return Map.of();
        }
    }

    /** App Service says why in {@code message}, IMDS in {@code error_description}. */
    private static String reason(Map<String, Object> body) {
        Object reason = body.getOrDefault("error_description", body.get("message"));
        return reason == null ? "" : ": " + reason;
    }
}
