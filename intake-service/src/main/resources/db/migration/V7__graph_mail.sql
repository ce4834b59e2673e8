-- Teams posts and the support mailbox share one change-notification queue and one subscription table: each row names
-- its source (the channel its messages become cases of).
-- (ALTER TABLE … RENAME TO: the form MySQL, MariaDB and the local demo's H2 all read; the due index keeps its name)
ALTER TABLE teams_notification RENAME TO change_notification;
ALTER TABLE change_notification ADD COLUMN source VARCHAR(8) NOT NULL DEFAULT 'TEAMS' AFTER id;

ALTER TABLE teams_subscription RENAME TO graph_subscription;
ALTER TABLE graph_subscription ADD COLUMN source VARCHAR(8) NOT NULL DEFAULT 'TEAMS' AFTER id;

-- A mail taken in through Graph keeps the mailbox's id of it: the answer goes to that id with no look-up, and a
-- second notification of the same mail is known without reading it again.
ALTER TABLE inbound_case ADD COLUMN graph_message_id VARCHAR(255);
CREATE INDEX inbound_case_graph_message ON inbound_case (graph_message_id);

-- Where the next catch-up of the support Inbox resumes: the @odata.deltaLink of the last completed delta round.
CREATE TABLE mail_delta (
    mailbox    VARCHAR(320)  NOT NULL PRIMARY KEY,
    delta_link TEXT          NOT NULL,
    updated_at TIMESTAMP(3)  NOT NULL
);
