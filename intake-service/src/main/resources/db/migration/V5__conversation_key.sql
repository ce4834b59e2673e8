-- Outlook's Thread-Index starts with 22 bytes that every message of one conversation shares: when a client drops
-- In-Reply-To and References, that prefix still ties a reply to its case.
ALTER TABLE inbound_case ADD COLUMN conversation_key VARCHAR(64);
CREATE INDEX inbound_case_conversation ON inbound_case (conversation_key);
