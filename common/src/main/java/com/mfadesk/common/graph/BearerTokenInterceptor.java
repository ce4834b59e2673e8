package com.mfadesk.common.graph;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Puts the client-credentials token on every Graph request and, when Graph answers 401, fetches a new token and
 * tries once more. It sits inside the SDK's retry handler, so a retried request carries a fresh header too.
 */
public class BearerTokenInterceptor implements Interceptor {

    private final AccessTokens tokens;

    public BearerTokenInterceptor(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String token = tokens.currentToken();
        Response response = chain.proceed(withToken(chain.request(), token));
        if (response.code() != 401) {
            return response;
        }
        response.close();
        tokens.reject(token);
        return chain.proceed(withToken(chain.request(), tokens.currentToken()));
    }

    private static Request withToken(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }
}
