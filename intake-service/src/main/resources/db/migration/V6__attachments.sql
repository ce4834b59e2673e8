-- What came attached (mail parts, Teams files and hosted images) as metadata: name, type, size or location. The
-- bytes stay in the raw message or in Teams.
ALTER TABLE inbound_case ADD COLUMN attachments_json LONGTEXT;
