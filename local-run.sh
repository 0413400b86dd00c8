#!/usr/bin/env bash
# The main job: a real migration on this machine, on the embedded default (private MariaDB source and
# destination, one KRaft Kafka broker, one Kafka Connect worker), left running under .local-run/.
#
#   ./local-run.sh            build what is needed, start everything, migrate the demo database, verify
#   ./local-run.sh status     what runs, the connectors' states, the sink's progress
#   ./local-run.sh stop       stop everything
#   ./local-run.sh --help     all options (e.g. existing source/destination servers)
set -euo pipefail

USER_PWD="$PWD"
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
ROOT="$PWD"

fail() {
  printf '%s\n' "$@" >&2
  exit 1
}

# --- What the command needs --------------------------------------------------------------------------------------
command_name=start
needs_mariadb=yes
has_source_host=no
has_destination_host=no
for arg in "$@"; do
  case "$arg" in
    --source-host|--source-host=*) has_source_host=yes ;;
    --destination-host|--destination-host=*) has_destination_host=yes ;;
  esac
done
case "${1:-}" in
  stop|status) command_name="$1"; needs_mariadb=no ;;
  -h|--help|help) command_name=help; needs_mariadb=no ;;
esac
for arg in "$@"; do
  case "$arg" in -h|--help) command_name=help; needs_mariadb=no ;; esac
done
if [ "$has_source_host" = yes ] && [ "$has_destination_host" = yes ]; then
  needs_mariadb=no
fi

# --- Prerequisites -----------------------------------------------------------------------------------------------
command -v java >/dev/null 2>&1 \
  || fail "java not found: local-run needs a JDK 17 or newer." "  Fix: sudo apt-get install -y openjdk-17-jdk-headless"
java_version="$(java -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\)\(\.[0-9]*\)*.*/\1/p' | head -n 1)"
if [ "${java_version:-0}" = 1 ]; then java_version=8; fi
if [ -z "$java_version" ] || [ "$java_version" -lt 17 ]; then
  fail "java is version ${java_version:-unknown} ($(command -v java)); local-run needs 17 or newer." \
       "  Fix: sudo apt-get install -y openjdk-17-jdk-headless, and put it first on PATH (or set it with update-alternatives --config java)"
fi
command -v mvn >/dev/null 2>&1 \
  || fail "mvn not found: local-run builds the connectors with Maven." "  Fix: sudo apt-get install -y maven"
if [ "$needs_mariadb" = yes ]; then
  find_sbin() { command -v "$1" 2>/dev/null || { [ -x "/usr/sbin/$1" ] && echo "/usr/sbin/$1"; } || { [ -x "/usr/local/sbin/$1" ] && echo "/usr/local/sbin/$1"; } || true; }
  if [ -z "$(find_sbin mariadbd)$(find_sbin mysqld)" ] || [ -z "$(find_sbin mariadb-install-db)$(find_sbin mysql_install_db)" ]; then
    fail "MariaDB server programs (mariadbd, mariadb-install-db) not found; the private source and destination need them." \
         "  Fix: sudo apt-get install -y mariadb-server   (local-run starts its own instances on free ports; the system service is not used)"
  fi
fi

# --- A running previous run keeps its plugins: refuse before the build would replace them under it ------------
if [ "$command_name" = start ]; then
  state_dir_given=no
  for arg in "$@"; do case "$arg" in --state-dir|--state-dir=*) state_dir_given=yes ;; esac; done
  if [ "$state_dir_given" = no ]; then
    for pid_file in .local-run/source/pid .local-run/destination/pid .local-run/kafka/pid .local-run/connect/pid; do
      if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file" 2>/dev/null)" 2>/dev/null; then
        fail "A previous run is still running in .local-run ($(dirname "$pid_file" | sed 's#.local-run/##'), pid $(cat "$pid_file"))." \
             "  Fix: run ./local-run.sh stop first (./local-run.sh status shows it)."
      fi
    done
  fi
fi

# --- Build (quietly; the output only when it fails) --------------------------------------------------------------
classpath_file="local-run/target/run.classpath"
if [ "$command_name" = start ] || [ ! -f "$classpath_file" ] || [ ! -d local-run/target/classes ]; then
  build_log="$(mktemp "${TMPDIR:-/tmp}/local-run-build.XXXXXX")"
  if [ "$command_name" = start ]; then printf 'Building the connectors and local-run (mvn package)... '; fi
  build_started=$(date +%s)
  if ! mvn -B -q -DskipTests -pl local-run -am package >"$build_log" 2>&1; then
    [ "$command_name" = start ] && echo
    tail -n 60 "$build_log" >&2
    fail "" "The build failed (the last lines are above; all of it is in $build_log)." \
         "  Fix: correct what it names, or run the build yourself: mvn -B -DskipTests -pl local-run -am package"
  fi
  if [ "$command_name" = start ]; then echo "done in $(( $(date +%s) - build_started )) s"; fi
  rm -f "$build_log"
fi

# --- Run ---------------------------------------------------------------------------------------------------------
columns=80
if [ -t 1 ]; then columns="$(tput cols 2>/dev/null || echo 80)"; fi
exec java -XX:+UseSerialGC \
  -Dmysqlmigrate.localrun.root="$ROOT" \
  -Dmysqlmigrate.localrun.cwd="$USER_PWD" \
  -Dmysqlmigrate.localrun.columns="$columns" \
  -cp "$(cat "$classpath_file"):local-run/target/classes" \
  io.mysqlmigrate.localrun.LocalRun "$@"
