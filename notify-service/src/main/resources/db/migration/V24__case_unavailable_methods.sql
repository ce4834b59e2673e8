-- What guidance read of the user's own words about their methods: the types they say they cannot use now
-- (comma-separated guidance ids, e.g. officePhone,securityKey), and whether the phone may be lost rather than left
ALTER TABLE support_case ADD COLUMN unavailable_methods VARCHAR(255) NULL;
ALTER TABLE support_case ADD COLUMN lost_possible BOOLEAN NOT NULL DEFAULT FALSE;
