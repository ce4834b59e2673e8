package com.mfadesk.common.graph;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;

/**
 * Gives every error response a Graph-style JSON body. Proxies, gateways and stand-ins answer errors in text or HTML,
 * which the SDK cannot parse: it then throws without the status code, and a 404 would look like a network failure
 * to be retried forever.
 */
class ErrorBodyNormalizer implements Interceptor {

    private static final MediaType JSON = MediaType.get("application/json");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() < 400 || isJson(response.body())) {
            return response;
        }
        String text = response.body() == null ? "" : response.body().string();
        String message = text.length() > 200 ? text.substring(0, 200) : text;
        String json = "{\"error\":{\"code\":\"HTTP" + response.code() + "\",\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n\\t]", " ") + "\"}}";
        return response.newBuilder().body(ResponseBody.create(json, JSON))
                .header("Content-Type", JSON.toString()).build();
    }

    private static boolean isJson(ResponseBody body) {
        MediaType type = body == null ? null : body.contentType();
        return type != null && type.subtype().toLowerCase().contains("json");
    }
}
