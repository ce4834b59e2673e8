-- Message-IDs are case-sensitive (RFC 5322), but the server's default collation (utf8mb4_0900_ai_ci on MySQL 8,
-- utf8mb4_unicode_ci or latin1 elsewhere) would make <CAKx9@x> and <CAkX9@x> one key: the second, a different mail,
-- would be answered DUPLICATE and never handled. A binary collation keeps the unique key exact. (Column attributes
-- in this order are accepted by MySQL, MariaDB and H2 in MySQL mode alike.)
ALTER TABLE inbound_case MODIFY external_id VARCHAR(255) NOT NULL COLLATE utf8mb4_bin;
