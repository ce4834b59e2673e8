-- Where Graph said "too many requests" and until when: shared by every notify instance, so the rest of a backlog
-- for that mailbox or channel waits instead of provoking more 429s.
CREATE TABLE send_throttle (
    destination   VARCHAR(400)  NOT NULL PRIMARY KEY,
    blocked_until TIMESTAMP(3)  NOT NULL
);
