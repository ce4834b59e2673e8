package com.mfadesk.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the real MariaDB/MySQL server for one test class (TEST_DB_HOST/TEST_DB_PORT, root with
 * TEST_DB_PASSWORD, default 127.0.0.1:3306 with an empty password), dropped when the test JVM exits: by then
 * every application context using it has stopped.
 */
public final class TestDatabase {

    private final String serverUrl;
    private final String name;

    private TestDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    public static TestDatabase create(String prefix) {
        String host = env("TEST_DB_HOST", "127.0.0.1");
        String port = env("TEST_DB_PORT", "3306");
        TestDatabase database = new TestDatabase("jdbc:mysql://" + host + ":" + port + "/",
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        database.execute("CREATE DATABASE `" + database.name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
        return database;
    }

    public String jdbcUrl() {
        return serverUrl + name;
    }

    public String username() {
        return env("TEST_DB_USER", "root");
    }

    public String password() {
        return env("TEST_DB_PASSWORD", "");
    }

    private void drop() {
        execute("DROP DATABASE IF EXISTS `" + name + "`");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, username(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database server not reachable at " + serverUrl
                    + " (run scripts/ensure-mariadb.sh): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
