package com.mfadesk.guidance.security;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductionTokenCheckTest {

    @Test
    void refusesToStartInProdWithoutAToken() {
        Exception e = assertThrows(Exception.class,
            () -> ApplicationContext.run(Map.of("internal.api-token", "", "micronaut.server.port", -1), "prod").close());
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("INTERNAL_API_TOKEN"), root.getMessage());
    }

    @Test
    void startsInProdWithAToken() {
        ApplicationContext.run(Map.of("internal.api-token", "x", "micronaut.server.port", -1), "prod").close();
    }
}
