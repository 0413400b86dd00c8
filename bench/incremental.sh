#!/usr/bin/env bash
# Incremental apply: this pipeline beside MariaDB's native replication under sysbench (see bench/README.md).
#
#   ./bench/incremental.sh [--rates 200,500] [--seconds 30] [--threads 2] [--tables 4] [--table-size 25000] [--writers 1] [--poll-ms N] [--settle-seconds 5] [--warm-up-seconds 20]
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
. bench/common.sh

for arg in "$@"; do
  case "$arg" in -h|--help) echo "usage: ./bench/incremental.sh [--rates 200,500] [--seconds 30] [--threads 2] [--tables 4] [--table-size 25000] [--writers 1] [--poll-ms N] [--settle-seconds 5] [--warm-up-seconds 20]"; exit 0 ;; esac
done
require_build_tools
command -v sysbench >/dev/null 2>&1 || fail "sysbench not found: it makes the write load." "  Fix: sudo apt-get install -y sysbench"
run_benchmark IncrementalBenchmark "$@"
