package com.mfadesk.notify.support;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Answers Graph's {@code $batch} of mail look-ups request by request, as Graph does: every mail is found, with the
 * Graph id "AAMk-" + the local part of its Message-ID, except those named in the "throttled" parameter, which get
 * their own 429 inside the 200.
 */
public final class BatchAnswers implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "graph-batch-answers";
    private static final Pattern STEP = Pattern.compile("\"id\":\"([^\"]+)\",\"method\":\"GET\",\"url\":\"([^\"]+)\"");
    private static final Pattern MESSAGE_ID = Pattern.compile("internetMessageId eq '<([^@>]+)@");

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Object parameter = serveEvent.getResponseDefinition().getTransformerParameters().get("throttled");
        List<String> throttled = parameter == null ? List.of() : Arrays.asList(parameter.toString().split(","));
        StringBuilder responses = new StringBuilder();
        Matcher step = STEP.matcher(serveEvent.getRequest().getBodyAsString());
        while (step.find()) {
            Matcher messageId = MESSAGE_ID.matcher(URLDecoder.decode(step.group(2), StandardCharsets.UTF_8));
            String local = messageId.find() ? messageId.group(1) : "";
            if (!responses.isEmpty()) {
                responses.append(',');
            }
            responses.append("{\"id\":\"").append(step.group(1)).append("\",");
            if (throttled.contains(local)) {
                responses.append("\"status\":429,\"headers\":{\"Retry-After\":\"1\"},\"body\":{\"error\":"
                        + "{\"code\":\"TooManyRequests\",\"message\":\"throttled inside the batch\"}}}");
            } else {
                responses.append("\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                        + "\"body\":{\"value\":[{\"id\":\"AAMk-").append(local).append("\"}]}}");
            }
        }
        return ResponseDefinition.copyOf(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"responses\":[" + responses + "]}").build());
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }
}
