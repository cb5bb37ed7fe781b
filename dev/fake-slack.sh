#!/usr/bin/env bash
# A fake Slack Web API on http://localhost:9090, the WireMock the tests use, for trying the bot by hand.
# It knows two Slack users: U0MINNIE (Minnie Mouse, Administrator at TEST1) and U0DIANA (the help desk).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar 2>/dev/null | tail -1 || true)
if [ -z "$jar" ]; then
  mvn -q -ntp dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.1
  jar=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar | tail -1)
fi
exec java -jar "$jar" --port 9090 --root-dir dev/fake-slack --disable-banner
