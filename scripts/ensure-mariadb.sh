#!/usr/bin/env bash
# Makes sure a MySQL-compatible server answers on 127.0.0.1:3306 with root and an empty password, as the tests
# expect: installs MariaDB when it is missing, starts it when it is not running, and lets root in over TCP when a
# fresh Debian install allows root by socket only.
set -euo pipefail

HOST=127.0.0.1
PORT=3306

port_open() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }
client() { command -v mariadb || command -v mysql; }

if ! port_open; then
  if [ ! -x /usr/sbin/mariadbd ]; then
    echo "ensure-mariadb: installing mariadb-server"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq mariadb-server >/dev/null
  fi
  if ! port_open; then
    echo "ensure-mariadb: starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  fi
  for _ in $(seq 1 60); do port_open && break; sleep 1; done
  port_open || { echo "ensure-mariadb: MariaDB did not start on $HOST:$PORT" >&2; exit 1; }
fi

CLI=$(client) || { echo "ensure-mariadb: no mariadb/mysql client" >&2; exit 1; }
for _ in $(seq 1 30); do
  "$CLI" -h "$HOST" -P "$PORT" -u root -e 'select 1' >/dev/null 2>&1 && break
  if "$CLI" -u root -e 'select 1' >/dev/null 2>&1; then
    echo "ensure-mariadb: allowing root with an empty password over TCP"
    "$CLI" -u root -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; FLUSH PRIVILEGES;"
  fi
  sleep 1
done
"$CLI" -h "$HOST" -P "$PORT" -u root -e 'select 1' >/dev/null || { echo "ensure-mariadb: cannot sign in as root over TCP" >&2; exit 1; }
echo "ensure-mariadb: MariaDB answers on $HOST:$PORT"
