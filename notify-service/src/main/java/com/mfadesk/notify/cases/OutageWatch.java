package com.mfadesk.notify.cases;

import com.mfadesk.vocabulary.Scenario;
import com.mfadesk.notify.helpdesk.HelpdeskAlerts;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Spots a spike of one sign-in scenario and raises one help desk alert per scenario and window. */
@Singleton
public class OutageWatch {

    private final SupportCaseRepository cases;
    private final OutageConfiguration configuration;
    private final HelpdeskAlerts alerts;

    public OutageWatch(SupportCaseRepository cases, OutageConfiguration configuration, HelpdeskAlerts alerts) {
        this.cases = cases;
        this.configuration = configuration;
        this.alerts = alerts;
    }

    public void noticed(String scenario, Instant now) {
        Scenario known = Scenario.orOther(scenario);
        if (!known.aboutSignIn() || known == Scenario.OTHER) {
            return;
        }
        long recent = cases.countByScenarioAndReceivedAtGreaterThan(scenario, now.minus(configuration.window()));
        if (recent < configuration.threshold()) {
            return;
        }
        long window = now.toEpochMilli() / configuration.window().toMillis();
        alerts.raise("incident:" + scenario + ":" + window,
                "Probable MFA incident: " + recent + " x " + scenario + " in " + configuration.window().toMinutes()
                        + " min",
                "<p><b>Probable MFA service incident.</b> " + recent + " people wrote about <b>" + scenario
                        + "</b> in the last " + configuration.window().toMinutes() + " minutes. Answers keep going "
                        + "out automatically; check the Microsoft 365 service health and the MFA provider.</p>");
    }
}
