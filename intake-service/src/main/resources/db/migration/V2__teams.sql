-- Change notifications as Graph delivered them, stored before intake answers 202 so the real work (fetching the
-- message, classifying) happens afterwards and survives a restart. Re-deliveries are harmless: the message's case is
-- unique per (channel, external id).
CREATE TABLE teams_notification (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    resource        VARCHAR(1000) NOT NULL,
    change_type     VARCHAR(32)   NOT NULL,
    subscription_id VARCHAR(64),
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP(3)  NOT NULL,
    lease_owner     VARCHAR(64),
    lease_until     TIMESTAMP(3),
    last_error      VARCHAR(2000),
    received_at     TIMESTAMP(3)  NOT NULL
);
CREATE INDEX teams_notification_due ON teams_notification (status, next_attempt_at);

-- Our Graph subscriptions, so they are renewed before they expire and re-created when Graph removes one.
CREATE TABLE teams_subscription (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    resource        VARCHAR(1000) NOT NULL,
    expires_at      TIMESTAMP(3)  NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL
);

CREATE INDEX inbound_case_chat ON inbound_case (teams_chat_id, received_at);
