package com.mfadesk.notify.helpdesk;

import com.mfadesk.notify.outbox.OutboxEntry;
import com.mfadesk.notify.outbox.OutboxHandler;
import com.mfadesk.notify.outbox.OutboxKind;
import com.mfadesk.notify.reply.UserMessenger;
import jakarta.inject.Singleton;

/** Sends the help desk's closing message the way every message to a user goes: in the thread they wrote in. */
@Singleton
public class ResolutionMessenger implements OutboxHandler {

    private final UserMessenger messenger;

    public ResolutionMessenger(UserMessenger messenger) {
        this.messenger = messenger;
    }

    @Override
    public boolean handles(OutboxKind kind) {
        return kind == OutboxKind.RESOLUTION_MESSAGE;
    }

    @Override
    public void handle(OutboxEntry entry) {
        messenger.handle(entry);
    }
}
