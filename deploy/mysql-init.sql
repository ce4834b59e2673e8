-- One database per service; each service creates its own schema through Flyway at start.
CREATE DATABASE IF NOT EXISTS intake CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS notify CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'mfadesk'@'%' IDENTIFIED BY 'mfadesk-change-me';
GRANT ALL PRIVILEGES ON intake.* TO 'mfadesk'@'%';
GRANT ALL PRIVILEGES ON notify.* TO 'mfadesk'@'%';
