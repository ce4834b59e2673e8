-- Browser sessions of the help desk UI. Only a SHA-256 of the session cookie is kept, so a copy of this table
-- signs nobody in; the CSRF token is the synchronizer token every form of the session carries.
CREATE TABLE helpdesk_session (
    id_hash      CHAR(64)      NOT NULL PRIMARY KEY,
    username     VARCHAR(100)  NOT NULL,
    csrf_token   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMP(3)  NOT NULL,
    last_seen_at TIMESTAMP(3)  NOT NULL,
    expires_at   TIMESTAMP(3)  NOT NULL
);
CREATE INDEX helpdesk_session_user ON helpdesk_session (username);
CREATE INDEX helpdesk_session_expiry ON helpdesk_session (expires_at);
