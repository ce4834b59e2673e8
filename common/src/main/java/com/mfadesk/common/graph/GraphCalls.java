package com.mfadesk.common.graph;

import com.microsoft.kiota.ApiException;

import java.util.function.Supplier;

/** Turns whatever the SDK throws into a {@link GraphException} that says whether a retry can help. */
public final class GraphCalls {

    private GraphCalls() {
    }

    public static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (GraphException e) {
            throw e;
        } catch (ApiException e) {
            int status = e.getResponseStatusCode();
            boolean retry = status == 0 || status == 408 || status == 429 || status >= 500;
            throw new GraphException(status, what + ": Graph answered " + status + " " + e.getMessage(), retry);
        } catch (RuntimeException e) {
            // network errors and time-outs surface as unchecked exceptions from the request adapter
            throw new GraphException(0, what + ": " + e, true);
        }
    }

    public static void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }
}
