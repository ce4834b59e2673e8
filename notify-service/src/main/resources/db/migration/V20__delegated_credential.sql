-- The refresh token of the dedicated support account that posts in Teams (Graph lets only delegated tokens post),
-- encrypted; rotated on every use, so the stored one is always the newest.
CREATE TABLE delegated_credential (
    name        VARCHAR(64)   NOT NULL PRIMARY KEY,
    ciphertext  VARCHAR(8192) NOT NULL,
    updated_at  TIMESTAMP(3)  NOT NULL
);
