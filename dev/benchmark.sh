#!/usr/bin/env bash
# The benchmarks, each figure beside its floor measured in the same run (src/test/java/.../bench), against a real
# PostgreSQL server. With no DATABASE_URL it starts the machine's PostgreSQL 15 and uses a role "bench" that may
# create databases: the programs make (and drop) miic_bench_* copies next to miic_bench.
#   dev/benchmark.sh                      both: the lifecycle (sweep, unlock, sign-in, search) and the round trip
#   dev/benchmark.sh lifecycle            one million accounts: the sweep, an unlock during it, sign-in, search
#   dev/benchmark.sh round-trip           Slack's round trip at 50 a second beside a bare Bolt app
#   BENCH_ACCOUNTS=100000 BENCH_PARTS=search BENCH_SEED=keep dev/benchmark.sh lifecycle   a part, on a kept seed
#   BENCH_JAVA_OPTS="-Xlog:gc*:file=/tmp/gc.log -XX:StartFlightRecording=filename=/tmp/bench.jfr" ...  to find a stall
set -euo pipefail
cd "$(dirname "$0")/.."
which argon2 >/dev/null 2>&1 || { apt-get install -y -qq argon2 >/dev/null 2>&1 || echo "(no native argon2: that figure is left out)"; }
if [ -z "${DATABASE_URL:-}" ]; then
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "psql -qc \"set client_min_messages = warning; do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'bench') then
    create role bench login createdb password 'bench'; end if; end \\\$\\\$; alter role bench createdb; grant pg_signal_backend, pg_checkpoint to bench;\"" >/dev/null
  su postgres -c "psql -qtc \"select 1 from pg_database where datname = 'miic_bench'\"" | grep -q 1 \
    || su postgres -c "createdb -O bench miic_bench"
  export DATABASE_URL=jdbc:postgresql://localhost:5432/miic_bench DATABASE_USER=bench DATABASE_PASSWORD=bench
fi
mvn -q -B -ntp -DskipTests -Dexec.skip=true test-compile
mvn -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
run() {
  java ${BENCH_JAVA_OPTS:-} -Xmx2g -XX:+UseG1GC -Dfile.encoding=UTF-8 -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    -DLOG_FORMAT=text -Dlogback.configurationFile=dev/bench-logback.xml "mn.miic.helpdesk.bench.$1"
}
case "${1:-both}" in
  lifecycle) run LifecycleBenchmark ;;
  round-trip) run RoundTripBenchmark ;;
  both) run LifecycleBenchmark; run RoundTripBenchmark ;;
  *) echo "usage: dev/benchmark.sh [lifecycle|round-trip]" >&2; exit 2 ;;
esac
