#!/usr/bin/env bash
# The local run: builds the three services, starts them on an embedded database (H2) with a local Graph stand-in,
# feeds them the sample mails of local/samples and prints what they answered. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -ntp -q -DskipTests package
exec java -jar system-tests/target/system-tests-0.1.0-SNAPSHOT.jar "$PWD"
