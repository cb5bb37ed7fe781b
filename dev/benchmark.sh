#!/usr/bin/env bash
# The one-million-account benchmark (src/test/java/.../bench/LifecycleBenchmark.java) against a real PostgreSQL
# server. With no DATABASE_URL it starts the machine's PostgreSQL 15 and uses (and wipes) a database miic_bench.
#   dev/benchmark.sh                       1,000,000 accounts, 2,000 sign-ins on 8 threads
#   BENCH_ACCOUNTS=100000 dev/benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DATABASE_URL:-}" ]; then
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "psql -qc \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'bench') then
    create role bench login password 'bench'; end if; end \\\$\\\$;\"" >/dev/null
  su postgres -c "psql -qtc \"select 1 from pg_database where datname = 'miic_bench'\"" | grep -q 1 \
    || su postgres -c "createdb -O bench miic_bench"
  export DATABASE_URL=jdbc:postgresql://localhost:5432/miic_bench DATABASE_USER=bench DATABASE_PASSWORD=bench
fi
mvn -q -ntp -DskipTests test-compile
mvn -q -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -DLOG_FORMAT=text mn.miic.helpdesk.bench.LifecycleBenchmark
