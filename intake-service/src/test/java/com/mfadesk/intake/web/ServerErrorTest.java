package com.mfadesk.intake.web;

import com.mfadesk.intake.support.FailingRoute;
import com.mfadesk.intake.support.IntakeTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failure nobody handled answers problem+json that says nothing of its cause: no SQL, no stack frame. */
@MicronautTest(transactional = false)
class ServerErrorTest extends IntakeTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("test.failing-route", "true");
        return properties;
    }

    @Test
    void aDatabaseErrorIsAProblemWithoutTheStatement() {
        Answer answer = exchange(HttpRequest.GET("/test/failing").bearerAuth(TOKEN));

        assertEquals(500, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertEquals(500, answer.json().get("status"));
        assertFalse(answer.body().contains("INSERT") || answer.body().contains("PERSIST")
                || answer.body().contains("truncation"), answer.body());
    }
}
