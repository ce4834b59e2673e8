package com.mfadesk.notify.outbox;

/**
 * Does the work of one kind of outbox entry. Throwing {@link com.mfadesk.common.graph.GraphException} reschedules
 * (transient) or dead-letters (permanent) the entry; returning normally means it is done, unless the handler
 * marked it done itself inside its own transaction.
 */
public interface OutboxHandler {

    boolean handles(OutboxKind kind);

    void handle(OutboxEntry entry);
}
