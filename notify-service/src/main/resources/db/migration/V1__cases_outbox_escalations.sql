-- One row per inbound message handed over by intake-service; the action is decided once and never changes.
CREATE TABLE support_case (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    channel             VARCHAR(8)    NOT NULL,
    thread_case_id      VARCHAR(36),
    requester_address   VARCHAR(320),
    requester_name      VARCHAR(255),
    requester_verified  BOOLEAN       NOT NULL,
    requester_user_id   VARCHAR(64),
    subject             VARCHAR(1000),
    message_text        LONGTEXT,
    internet_message_id VARCHAR(1000),
    teams_team_id       VARCHAR(255),
    teams_channel_id    VARCHAR(255),
    teams_root_id       VARCHAR(64),
    teams_chat_id       VARCHAR(255),
    scenario            VARCHAR(32)   NOT NULL,
    confidence          DOUBLE        NOT NULL,
    says_no_alternate   BOOLEAN       NOT NULL,
    fix_already_tried   BOOLEAN       NOT NULL,
    follow_up_outcome   VARCHAR(16),
    language            VARCHAR(8),
    steps_json          LONGTEXT,
    sources_json        LONGTEXT,
    action              VARCHAR(16)   NOT NULL,
    reason              VARCHAR(32),
    escalation_ref      VARCHAR(16),
    methods_seen        VARCHAR(2000),
    received_at         TIMESTAMP(3)  NOT NULL,
    decided_at          TIMESTAMP(3)
);
CREATE INDEX support_case_action ON support_case (action);

-- Every Graph side effect, and the decision that may need Graph, is a row here: claimed with a lease, retried
-- with back-off, and unique per (case, kind) so a case can never be answered twice.
CREATE TABLE outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         VARCHAR(36)   NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    priority        INT           NOT NULL,
    payload         LONGTEXT,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP(3)  NOT NULL,
    lease_owner     VARCHAR(64),
    lease_until     TIMESTAMP(3),
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP(3)  NOT NULL,
    done_at         TIMESTAMP(3),
    CONSTRAINT outbox_case_kind UNIQUE (case_id, kind)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE escalation (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ref                VARCHAR(16),
    case_id            VARCHAR(36)   NOT NULL,
    channel            VARCHAR(8)    NOT NULL,
    scenario           VARCHAR(32)   NOT NULL,
    reason             VARCHAR(32)   NOT NULL,
    requester_address  VARCHAR(320),
    requester_name     VARCHAR(255),
    requester_verified BOOLEAN       NOT NULL,
    requester_user_id  VARCHAR(64),
    message_text       LONGTEXT,
    methods_seen       VARCHAR(2000),
    status             VARCHAR(16)   NOT NULL,
    assignee           VARCHAR(100),
    resolution_note    VARCHAR(4000),
    created_at         TIMESTAMP(3)  NOT NULL,
    updated_at         TIMESTAMP(3)  NOT NULL,
    CONSTRAINT escalation_case UNIQUE (case_id),
    CONSTRAINT escalation_ref UNIQUE (ref)
);
CREATE INDEX escalation_status ON escalation (status, created_at);

CREATE TABLE escalation_audit (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    escalation_ref VARCHAR(16)   NOT NULL,
    actor          VARCHAR(100)  NOT NULL,
    action         VARCHAR(32)   NOT NULL,
    detail         VARCHAR(2000),
    at             TIMESTAMP(3)  NOT NULL
);
CREATE INDEX escalation_audit_ref ON escalation_audit (escalation_ref);

CREATE TABLE helpdesk_user (
    username      VARCHAR(100)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(255)  NOT NULL,
    role          VARCHAR(16)   NOT NULL,
    created_at    TIMESTAMP(3)  NOT NULL
);
