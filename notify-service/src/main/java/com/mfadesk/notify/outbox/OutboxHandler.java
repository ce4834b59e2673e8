package com.mfadesk.notify.outbox;

import java.util.List;

/**
 * Does the work of one kind of outbox entry. Throwing {@link com.mfadesk.common.graph.GraphException} reschedules
 * (transient) or dead-letters (permanent) the entry; returning normally means it is done, unless the handler
 * marked it done itself inside its own transaction.
 */
public interface OutboxHandler {

    boolean handles(OutboxKind kind);

    void handle(OutboxEntry entry);

    /** Told of the entries about to be handled, so reads they all need can be done together first. */
    default void prepare(List<OutboxEntry> upcoming) {
    }
}
