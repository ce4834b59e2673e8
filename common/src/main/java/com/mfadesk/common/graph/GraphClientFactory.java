package com.mfadesk.common.graph;

import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;

import java.util.List;

/**
 * The one place Graph SDK clients are built. Authentication is done by {@link BearerTokenInterceptor} rather than a
 * Kiota token provider: the SDK's providers only send tokens to Microsoft's hosts, and GRAPH_BASE_URL may be a
 * loopback stand-in. The SDK's default middleware retries 429/503/504 honouring Retry-After.
 */
@Factory
public class GraphClientFactory {

    private final GraphConfiguration configuration;
    private final MeterRegistry meterRegistry;
    private final List<ThrottleListener> throttleListeners;
    private final List<GraphRequestPacer> pacers;

    public GraphClientFactory(GraphConfiguration configuration, MeterRegistry meterRegistry,
                              List<ThrottleListener> throttleListeners, List<GraphRequestPacer> pacers) {
        this.configuration = configuration;
        this.meterRegistry = meterRegistry;
        this.throttleListeners = throttleListeners;
        this.pacers = pacers;
    }

    /** The client acting as the application itself (client credentials). */
    @Singleton
    @Primary
    GraphServiceClient graphServiceClient(ClientCredentialsTokenSource tokens) {
        return clientWith(tokens);
    }

    /** A client whose calls carry the given tokens, e.g. a delegated account's. */
    public GraphServiceClient clientWith(AccessTokens tokens) {
        GraphServiceClient client = new GraphServiceClient(new AnonymousAuthenticationProvider(), httpWith(tokens));
        client.getRequestAdapter().setBaseUrl(baseUrl());
        return client;
    }

    /** JSON batching as the application itself, through the same middleware as every other call. */
    @Singleton
    GraphBatch graphBatch(ClientCredentialsTokenSource tokens, ObjectMapper json) {
        return new GraphBatch(httpWith(tokens), baseUrl(), json);
    }

    private String baseUrl() {
        return configuration.baseUrl().replaceAll("/+$", "");
    }

    private OkHttpClient httpWith(AccessTokens tokens) {
        return com.microsoft.graph.core.requests.GraphClientFactory.create(new GraphClientOption())
                .addInterceptor(new PacingInterceptor(pacers))
                .addInterceptor(new BearerTokenInterceptor(tokens))
                .addInterceptor(new ErrorBodyNormalizer())
                .addInterceptor(new GraphCallMetrics(meterRegistry))
                .addInterceptor(new ThrottleObserver(throttleListeners))
                .callTimeout(configuration.timeout())
                .readTimeout(configuration.timeout())
                .build();
    }
}
