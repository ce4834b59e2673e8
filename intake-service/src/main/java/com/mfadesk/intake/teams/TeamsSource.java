package com.mfadesk.intake.teams;

import com.mfadesk.intake.cases.CaseRegistration;
import com.mfadesk.vocabulary.Channel;
import com.mfadesk.intake.notifications.NotificationSource;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Teams posts as a source of Graph notifications: each support channel (TEAMS_CHANNELS) and the support chats
 * (TEAMS_CHATS), notified at NOTIFICATION_URL; nothing is watched without it.
 */
@Singleton
public class TeamsSource implements NotificationSource {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsSource.class);

    private final TeamsConfiguration teams;
    private final TeamsMessageReader reader;
    private final TeamsIntake intake;
    private final TeamsCatchUp catchUp;
    private final String notificationUrl;

    public TeamsSource(TeamsConfiguration teams, TeamsMessageReader reader, TeamsIntake intake, TeamsCatchUp catchUp,
                       @Value("${notification.url:}") String notificationUrl) {
        this.teams = teams;
        this.reader = reader;
        this.intake = intake;
        this.catchUp = catchUp;
        this.notificationUrl = notificationUrl;
    }

    @Override
    public Channel channel() {
        return Channel.TEAMS;
    }

    @Override
    public String notificationUrl() {
        return notificationUrl;
    }

    /** Each support channel, and the support chats. */
    @Override
    public List<String> resources() {
        List<String> resources = new ArrayList<>();
        for (String[] channel : channelPairs()) {
            resources.add("/teams/" + channel[0] + "/channels/" + channel[1] + "/messages");
        }
        String chats = teams.chats() == null ? "" : teams.chats().trim();
        if (chats.equalsIgnoreCase("installed") && teams.appId() != null) {
            resources.add("/appCatalogs/teamsApps/" + teams.appId() + "/installedToChats/getAllMessages");
        } else if (!chats.isEmpty() && !chats.equalsIgnoreCase("installed")) {
            for (String chat : chats.split(",")) {
                resources.add("/chats/" + chat.trim() + "/messages");
            }
        }
        return resources;
    }

    @Override
    public String changeType() {
        return "created,updated";
    }

    @Override
    public Duration subscriptionLifetime() {
        return teams.subscriptionLifetime();
    }

    @Override
    public Duration renewBefore() {
        return teams.renewBefore();
    }

    @Override
    public boolean take(String resource) {
        Optional<TeamsResource> message = TeamsResource.parse(resource);
        if (message.isEmpty()) {
            return false;
        }
        CaseRegistration registration = intake.take(message.get(), reader.read(message.get()));
        LOG.info("Teams message {}: case {} {}", message.get().ownMessageId(), registration.caseId(),
                registration.status());
        return true;
    }

    /** Lists what arrived while notifications could not reach us. */
    @Override
    public void catchUp() {
        for (String[] channel : channelPairs()) {
            catchUp.channel(channel[0], channel[1]);
        }
        if (teams.chats() != null && !teams.chats().isBlank()) {
            catchUp.recentChats();
        }
    }

    private List<String[]> channelPairs() {
        if (teams.channels() == null) {
            return List.of();
        }
        return teams.channels().stream().map(pair -> pair.trim().split("/")).filter(ids -> ids.length == 2).toList();
    }
}
