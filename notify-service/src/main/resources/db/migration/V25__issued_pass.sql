-- One Temporary Access Pass per escalation unless an agent replaces it explicitly. The row is written before Graph
-- is asked, so a replayed, reloaded or concurrent request meets the primary key instead of creating a second pass.
-- The pass itself is never stored: only Graph's id of it, to delete it when it is replaced.
CREATE TABLE issued_pass (
    escalation_id BIGINT       NOT NULL PRIMARY KEY,
    method_id     VARCHAR(128),
    issued_by     VARCHAR(255) NOT NULL,
    issued_at     TIMESTAMP(3) NOT NULL
);
