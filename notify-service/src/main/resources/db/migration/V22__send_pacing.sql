-- Shared pacing under Graph's configured limits (GCRA): per limit and destination, the theoretical arrival time of
-- the next send in epoch milliseconds (whole-second TIMESTAMPs would lose the spacing of a 4-per-second limit).
CREATE TABLE rate_limit (
    limit_key VARCHAR(450) NOT NULL PRIMARY KEY,
    tat_ms    BIGINT       NOT NULL
);

-- Where an entry sends to (a mailbox, a channel, a chat), so a worker can skip every entry bound for a destination
-- that has to wait and go on with the others.
ALTER TABLE outbox ADD COLUMN destination VARCHAR(400);
CREATE INDEX outbox_due_destination ON outbox (status, next_attempt_at, destination);
