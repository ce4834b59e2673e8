-- Every inbound message gets a case, unique per channel and external id (Message-ID or Teams message id): the
-- unique key is what makes a re-sent or re-delivered message a DUPLICATE rather than a second answer.
CREATE TABLE inbound_case (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    channel             VARCHAR(8)    NOT NULL,
    external_id         VARCHAR(255)  NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    ignore_reason       VARCHAR(64),
    thread_case_id      VARCHAR(36),
    sender_address      VARCHAR(320),
    sender_name         VARCHAR(255),
    sender_verified     BOOLEAN       NOT NULL,
    sender_user_id      VARCHAR(64),
    subject             VARCHAR(1000),
    new_text            LONGTEXT,
    internet_message_id VARCHAR(1000),
    teams_team_id       VARCHAR(255),
    teams_channel_id    VARCHAR(255),
    teams_root_id       VARCHAR(64),
    teams_chat_id       VARCHAR(255),
    bulk                BOOLEAN       NOT NULL,
    received_at         TIMESTAMP(3)  NOT NULL,
    CONSTRAINT inbound_case_external UNIQUE (channel, external_id)
);

-- The message exactly as received, stored in the same transaction as its case, before intake answers.
CREATE TABLE raw_message (
    case_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    content    LONGBLOB     NOT NULL,
    size_bytes INT          NOT NULL
);

-- The durable hand-over of each accepted case: classify with guidance-service, then hand over to notify-service.
CREATE TABLE pipeline_job (
    case_id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    stage           VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP(3)  NOT NULL,
    lease_owner     VARCHAR(64),
    lease_until     TIMESTAMP(3),
    guidance_json   LONGTEXT,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP(3)  NOT NULL,
    done_at         TIMESTAMP(3)
);
CREATE INDEX pipeline_job_due ON pipeline_job (stage, next_attempt_at);
