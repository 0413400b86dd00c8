#!/usr/bin/env bash
# Full-load throughput comparison on a private stack (see bench/README.md).
#
#   ./bench/full-load.sh [--rows N] [--only WORD,WORD]
#       N rows (default 1,000,000) through each contender (or those whose name contains a word), one after another
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
ROOT="$PWD"

fail() {
  printf '%s\n' "$@" >&2
  exit 1
}

for arg in "$@"; do
  case "$arg" in -h|--help) echo "usage: ./bench/full-load.sh [--rows N] [--only WORD,WORD]   (default 1,000,000 rows; --only keeps the contenders whose name contains a word)"; exit 0 ;; esac
done

command -v java >/dev/null 2>&1 || fail "java not found: the bench needs a JDK 17 or newer."
command -v mvn >/dev/null 2>&1 || fail "mvn not found: the bench builds the connectors with Maven."
if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  fail "mariadbd not found: the private source and destination need it." "  Fix: sudo apt-get install -y mariadb-server"
fi
command -v mariadb-dump >/dev/null 2>&1 || echo "note: mariadb-dump not found; that contender will be skipped (apt-get install -y mariadb-client)"
command -v mydumper >/dev/null 2>&1 || echo "note: mydumper not found; that contender will be skipped (apt-get install -y mydumper)"

stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p bench/target
build_log="bench/target/build-$stamp.log"
printf 'Building the connectors and the bench (mvn -q -DskipTests package -pl bench -am)... '
started=$(date +%s)
if ! mvn -B -q -DskipTests package -pl bench -am >"$build_log" 2>&1; then
  echo
  tail -n 40 "$build_log" >&2
  fail "The build failed; all of it is in $build_log."
fi
echo "done in $(( $(date +%s) - started )) s"
rm -f "$build_log"

mkdir -p "bench/target/run-$stamp"
exec java -XX:+UseSerialGC -Xmx512m \
  -Dmysqlmigrate.bench.root="$ROOT" \
  -Dmysqlmigrate.bench.stamp="$stamp" \
  -Dmysqlmigrate.bench.log="$ROOT/bench/target/run-$stamp/bench.log" \
  -cp "bench/target/lib/*:bench/target/classes" \
  io.mysqlmigrate.bench.FullLoadBenchmark "$@"
