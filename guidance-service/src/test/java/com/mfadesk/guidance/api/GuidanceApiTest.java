package com.mfadesk.guidance.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@Property(name = "internal.api-token", value = GuidanceApiTest.TOKEN)
class GuidanceApiTest {

    static final String TOKEN = "test-token-1234";

    @Inject
    @Client("/")
    HttpClient client;

    private Map<String, Object> guide(String channel, String subject, String text, boolean followUp) {
        var request = HttpRequest.POST("/api/v1/guidance",
                Map.of("channel", channel, "subject", subject, "text", text, "followUp", followUp))
            .bearerAuth(TOKEN);
        return client.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
    }

    @Test
    void refusesCallsWithoutTheToken() {
        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
            HttpRequest.POST("/api/v1/guidance", Map.of("channel", "EMAIL", "text", "hi"))));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void refusesAWrongToken() {
        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
            HttpRequest.POST("/api/v1/guidance", Map.of("channel", "EMAIL", "text", "hi")).bearerAuth("nope")));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }

    @Test
    void answersBadJsonWithAProblem() {
        var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
            HttpRequest.POST("/api/v1/guidance", "{not json").contentType(MediaType.APPLICATION_JSON).bearerAuth(TOKEN)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void answersTheContractShapeWithAnExplicitNullOutcome() {
        String body = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/guidance",
            Map.of("channel", "TEAMS", "subject", "", "text", "left my phone at home, how do I sign in?", "followUp", false))
            .bearerAuth(TOKEN));
        assertTrue(body.contains("\"followUpOutcome\":null"), body);
        Map<String, Object> r = guide("TEAMS", "", "left my phone at home, how do I sign in?", false);
        assertEquals(Set.of("scenario", "confidence", "saysNoAlternate", "followUpOutcome", "fixAlreadyTried", "language",
            "steps", "sources", "unavailableMethods", "lostPossible"), r.keySet());
        assertEquals("no-phone-today", r.get("scenario"));
        assertEquals("en", r.get("language"));
        double confidence = ((Number) r.get("confidence")).doubleValue();
        assertTrue(confidence > 0 && confidence <= 1);
        String steps = String.join(" ", (List<String>) r.get("steps"));
        assertTrue(steps.contains("Sign in another way") && steps.contains("Use a different verification option"));
        assertFalse(((List<?>) r.get("sources")).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hallo, ich habe mein Handy zu Hause liegen lassen. Wie melde ich mich heute an? | no-phone-today | de",
        "Bonjour, on m'a volé mon téléphone dans le train hier soir. | lost-phone | fr",
        "Hola, no me llega el SMS con el código cuando entro en Teams. | code-not-received | es",
        "Ik heb een nieuw telefoonnummer, hoe pas ik dat aan voor het inloggen? | new-phone | nl",
        "Quando entro só me pede a senha, nunca me pede o código. É normal? | not-prompted | pt",
        "I did NOT lose my phone, I just bought a new one. How do I move the authenticator? | new-phone | en",
        "The printer on floor 2 is out of toner again | out-of-scope | en",
        "my hotmail account wants a code sent to my old number, not the work account | personal-account | en",
    })
    void classifiesAcrossLanguagesAndNegation(String text, String scenario, String language) {
        Map<String, Object> r = guide("TEAMS", "", text, false);
        assertEquals(scenario, r.get("scenario"), text);
        assertEquals(language, r.get("language"), text);
    }

    @Test
    void flagsAUserWithoutAnAlternate() {
        Map<String, Object> r = guide("EMAIL", "codes", "No codes arrive and there is no 'Sign in another way' link at all.", false);
        assertEquals("code-not-received", r.get("scenario"));
        assertEquals(true, r.get("saysNoAlternate"));
    }

    /** Out of the owner's control is lost; known to be somewhere and coming back is not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Left my phone in an Uber yesterday, the driver hasn't returned it. Can't get the code. | lost-phone",
        "I think I dropped my phone somewhere on the way home, can't find it anywhere. | lost-phone",
        "Someone grabbed my mobile off the cafe table while I was paying, so no authenticator. | lost-phone",
        "I did NOT lose my phone, nothing was stolen, I just changed my number. | new-phone",
        "Not lost, it's just on the kitchen table at home. How do I get into Teams today? | no-phone-today",
    })
    void tellsLostFromLeftBehind(String text, String scenario) {
        assertEquals(scenario, guide("TEAMS", "", text, false).get("scenario"), text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsWhichOtherMethodsAreOutOfReach() {
        Map<String, Object> office = guide("EMAIL", "no code", "The code isn't arriving. I have the office phone "
            + "registered too but I'm working from home so I can't use it.", false);
        assertEquals("code-not-received", office.get("scenario"));
        assertEquals(List.of("officePhone"), office.get("unavailableMethods"));
        Map<String, Object> key = guide("TEAMS", "", "My phone broke. I have a FIDO key registered but it's at home "
            + "as well.", false);
        assertEquals("no-phone-today", key.get("scenario"));
        assertTrue(((List<String>) key.get("unavailableMethods")).contains("securityKey"), key.toString());
        assertEquals(true, key.get("saysNoAlternate"), "the one backup named is out of reach");
        for (String text : List.of("Left my phone at home but I have my YubiKey with me, how do I use it?",
            "My phone is locked in the car at the airport. I have my security key (the USB thing) on my keyring, "
                + "does that help?")) {
            Map<String, Object> atHand = guide("TEAMS", "", text, false);
            assertEquals(List.of(), atHand.get("unavailableMethods"), text);
            assertEquals(false, atHand.get("saysNoAlternate"), text);
        }
    }

    @Test
    void aFollowUpThatSaysLostIsALostPhone() {
        for (String text : List.of("lost", "Lost.", "It's stolen, actually.", "verloren", "perdido")) {
            assertEquals("lost-phone", guide("EMAIL", "RE: phone at home", text, true).get("scenario"), text);
        }
    }

    @Test
    void aFollowUpThatFollowedTheAdviceAndFailedIsAFailedFix() {
        Map<String, Object> r = guide("TEAMS", "", "Did what you said, made a brand new app password and pasted it in."
            + " Outlook still says the password is wrong.", true);
        assertEquals("FIX_FAILED", r.get("followUpOutcome"));
    }

    @Test
    void flagsAnAppPasswordAlreadyRecreated() {
        Map<String, Object> r = guide("EMAIL", "app password",
            "Outlook 2013 rejects my app password. I already created a new app password and it is still refused.", false);
        assertEquals("app-password", r.get("scenario"));
        assertEquals(true, r.get("fixAlreadyTried"));
    }

    @Test
    void readsFollowUpOutcomes() {
        Map<String, Object> resolved = guide("TEAMS", "", "Thanks, the office phone worked, I'm in now!", true);
        assertEquals("RESOLVED", resolved.get("followUpOutcome"));
        assertEquals("not-support", resolved.get("scenario"));
        Map<String, Object> failed = guide("TEAMS", "", "Tried the other number, still nothing arrives. No luck.", true);
        assertEquals("FIX_FAILED", failed.get("followUpOutcome"));
        assertNull(guide("TEAMS", "", "My phone is at home today.", false).get("followUpOutcome"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsEveryScenarioWithoutAToken() {
        List<Map<String, Object>> scenarios = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/scenarios"),
            Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(Set.of("no-phone-today", "lost-phone", "new-phone", "code-not-received", "not-prompted",
                "app-password", "why-2sv", "personal-account", "other", "out-of-scope", "not-support"),
            scenarios.stream().map(s -> (String) s.get("id")).collect(Collectors.toSet()));
        scenarios.forEach(s -> assertFalse(((String) s.get("title")).isBlank()));
        scenarios.stream().filter(s -> !"not-support".equals(s.get("id")))
            .forEach(s -> assertFalse(((List<?>) s.get("steps")).isEmpty(), s.get("id") + " has no steps"));
    }

    @Test
    void reportsHealthWithoutAToken() {
        assertEquals(Map.of("status", "UP"),
            client.toBlocking().retrieve(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class)));
    }
}
