-- A mail intake took in through Graph comes with the support mailbox's id of it: the answer replies to that id.
ALTER TABLE support_case ADD COLUMN graph_message_id VARCHAR(255);
