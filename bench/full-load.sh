#!/usr/bin/env bash
# Full-load throughput comparison on a private stack (see bench/README.md).
#
#   ./bench/full-load.sh [--rows N] [--only WORD,WORD]
#       N rows (default 1,000,000) through each contender (or those whose name contains a word), one after another
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
. bench/common.sh

for arg in "$@"; do
  case "$arg" in -h|--help) echo "usage: ./bench/full-load.sh [--rows N] [--only WORD,WORD]   (default 1,000,000 rows; --only keeps the contenders whose name contains a word)"; exit 0 ;; esac
done
require_build_tools
command -v mariadb-dump >/dev/null 2>&1 || echo "note: mariadb-dump not found; that contender will be skipped (apt-get install -y mariadb-client)"
command -v mydumper >/dev/null 2>&1 || echo "note: mydumper not found; that contender will be skipped (apt-get install -y mydumper)"
run_benchmark FullLoadBenchmark "$@"
