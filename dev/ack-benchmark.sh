#!/usr/bin/env bash
# Slack's acknowledgement under a constant load (src/test/java/.../bench/AckBenchmark.java), beside a bare Javalin
# floor measured in the same run. With a git revision, the same program runs against that revision's build too, so
# that a change's effect on the acknowledgement is measured before and after, on this machine, back to back.
#   dev/ack-benchmark.sh                 this working tree
#   dev/ack-benchmark.sh 51bf2b2         that revision, then this working tree
#   BENCH_RATE=50 BENCH_COUNT=1500       commands a second, and how many (defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
bench=src/test/java/mn/miic/helpdesk/bench/AckBenchmark.java

run() {  # run the benchmark in the checkout $1
  (cd "$1" && mvn -q -ntp -DskipTests test-compile \
     && mvn -q -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null \
     && java -Dfile.encoding=UTF-8 -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
          -DLOG_FORMAT=text mn.miic.helpdesk.bench.AckBenchmark 2>/dev/null | grep -E "^(floor|bot|ratio|answers)")
}

if [ -n "${1:-}" ]; then
  old=$(mktemp -d)
  git worktree add -q --detach "$old" "$1"
  trap 'git worktree remove --force "$old"' EXIT
  cp "$bench" "$old/$bench"
  echo "== $1"
  run "$old"
fi
echo "== working tree ($(git rev-parse --short HEAD))"
run "$here"
