package com.mfadesk.common.graph;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON batching for reads: up to 20 GETs in one call to Graph's {@code $batch}. Graph throttles each request of a
 * batch on its own, so the answers come back one by one: a 200 with its body, or a 429 or 5xx that the caller
 * tries again alone. The batch as a whole goes through the usual middleware (token, retries, pacing per request).
 */
public class GraphBatch {

    public static final int MAX_REQUESTS = 20;
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final String batchUrl;
    private final ObjectMapper json;

    GraphBatch(OkHttpClient http, String baseUrl, ObjectMapper json) {
        this.http = http;
        this.batchUrl = baseUrl + "/$batch";
        this.json = json;
    }

    /**
     * @param urls request id → URL below the version root ("/users/…?$filter=…", query encoded); at most 20
     * @return every request's answer by id; a request Graph did not answer is missing
     */
    public Map<String, Answer> get(Map<String, String> urls) {
        if (urls.size() > MAX_REQUESTS) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_REQUESTS + " requests");
        }
        List<Step> steps = new ArrayList<>();
        urls.forEach((id, url) -> steps.add(new Step(id, "GET", url)));
        try {
            Request request = new Request.Builder().url(batchUrl)
                    .post(RequestBody.create(json.writeValueAsBytes(new Batch(steps)), JSON))
                    .tag(GraphBatchSteps.class, new GraphBatchSteps(List.copyOf(urls.values())))
                    .build();
            try (Response response = http.newCall(request).execute()) {
                int status = response.code();
                if (status != 200) {
                    boolean retry = status == 429 || status >= 500;
                    throw new GraphException(status, "batch of " + urls.size() + ": Graph answered " + status, retry);
                }
                JsonNode answers = json.readValue(response.body().bytes(), JsonNode.class).get("responses");
                Map<String, Answer> byId = new LinkedHashMap<>();
                if (answers != null && answers.isArray()) {
                    for (JsonNode answer : answers.values()) {
                        JsonNode id = answer.get("id");
                        JsonNode answerStatus = answer.get("status");
                        if (id != null && answerStatus != null) {
                            byId.put(id.coerceStringValue(), new Answer(answerStatus.getIntValue(), answer.get("body")));
                        }
                    }
                }
                return byId;
            }
        } catch (IOException e) {
            throw new GraphException(0, "batch of " + urls.size() + ": " + e, true);
        }
    }

    /** One request's answer; {@code body} is the JSON Graph sent, if any. */
    public record Answer(int status, @Nullable JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    @Serdeable
    record Batch(List<Step> requests) {
    }

    @Serdeable
    record Step(String id, String method, String url) {
    }
}
