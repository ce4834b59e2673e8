-- Mail from the IMAP mailbox that could not become a case (unreadable, or over the size limit), kept so that flagging
-- it \Seen loses nothing; the original also stays in the mailbox. A message read again after a crash is kept once:
-- raw_sha256 is unique.
CREATE TABLE rejected_message (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reason      VARCHAR(2000) NOT NULL,
    raw_sha256  CHAR(64)      NOT NULL,
    raw         LONGBLOB      NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    received_at TIMESTAMP(3)  NOT NULL,
    CONSTRAINT rejected_message_raw UNIQUE (raw_sha256)
);
