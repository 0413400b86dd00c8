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

# --- Existing servers: reachable, the login works, the databases are right; before any build -----------------------
# The Java side checks the same again (and more) once built; these checks only make a wrong host, password or database
# name fail in seconds instead of after a build. A password option without a value is asked for here, once, and
# handed to the Java side through the environment (never on a command line).
args=("$@")
option_value() { # option_value NAME: the value of --NAME VALUE / --NAME=VALUE in args, or nothing
  local i
  for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[$i]}" in
      "--$1="*) printf '%s' "${args[$i]#--$1=}"; return ;;
      "--$1") if [ $((i + 1)) -lt ${#args[@]} ] && [[ "${args[$((i + 1))]}" != --* ]]; then printf '%s' "${args[$((i + 1))]}"; fi; return ;;
    esac
  done
}
has_option() { local a; for a in "${args[@]}"; do case "$a" in "--$1"|"--$1="*) return 0 ;; esac; done; return 1; }
ask_password() { # ask_password ROLE: asks for --ROLE-password given without a value; exports it for the Java side
  local role="$1" upper password
  upper="$(printf '%s' "$role" | tr '[:lower:]' '[:upper:]')"
  if has_option "$role-password" && [ -z "$(option_value "$role-password")" ]; then
    [ -t 0 ] || fail "--$role-password without a value asks for the password, but there is no terminal to ask on." \
                     "  Fix: run it in a terminal, or give MYSQL_MIGRATE_${upper}_PASSWORD in the environment."
    read -rsp "Password of the $role account: " password; echo
    export "MYSQL_MIGRATE_${upper}_PASSWORD=$password"
    local kept=() a
    for a in "${args[@]}"; do [ "$a" = "--$role-password" ] || kept+=("$a"); done
    args=("${kept[@]}")
  fi
}
check_server() { # check_server ROLE: the existing server given with --ROLE-host
  local role="$1" upper host port user password client out databases db missing=() present=()
  upper="$(printf '%s' "$role" | tr '[:lower:]' '[:upper:]')"
  host="$(option_value "$role-host")"; port="$(option_value "$role-port")"; port="${port:-3306}"
  user="$(option_value "$role-user")"
  password="$(option_value "$role-password")"; password="${password:-$(printenv "MYSQL_MIGRATE_${upper}_PASSWORD" || true)}"
  [ -n "$host" ] || return 0
  if ! timeout 5 bash -c ": >/dev/tcp/$host/$port" 2>/dev/null; then
    fail "The $role server $host:$port does not answer (checked before building, within 5 s)." \
         "  Fix: check --$role-host and --$role-port, and that the server runs and accepts TCP connections from here."
  fi
  client="$(command -v mariadb || command -v mysql || true)"
  if [ -z "$client" ] || [ -z "$user" ]; then
    echo "The $role server $host:$port answers (its login is checked after the build: no mariadb client here)."
    return 0
  fi
  if ! out="$(MYSQL_PWD="$password" timeout 20 "$client" --protocol=TCP --connect-timeout=5 -h "$host" -P "$port" -u "$user" \
      -N -B -e "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA" 2>&1)"; then
    case "$out" in
      *"ERROR 1045"*|*"ERROR 1698"*|*"ERROR 1044"*)
        fail "The $role server $host:$port refuses $user: ${out#ERROR }" \
             "  Fix: check --$role-user and --$role-password (the account must be allowed from this host)." ;;
      *"ERROR 2002"*|*"ERROR 2003"*|*"ERROR 2005"*|*"ERROR 2013"*)
        fail "The $role server $host:$port does not answer: ${out#ERROR }" \
             "  Fix: check --$role-host and --$role-port." ;;
      *) echo "The $role server $host:$port answers; its login could not be checked with $client (${out%%$'\n'*}); the run checks it after the build."
         return 0 ;;
    esac
  fi
  databases="$(option_value databases)"
  for db in ${databases//,/ }; do
    if grep -qxF -- "$db" <<<"$out"; then present+=("$db"); else missing+=("$db"); fi
  done
  if [ "$role" = source ] && [ ${#missing[@]} -gt 0 ]; then
    fail "The source $host:$port has no database ${missing[*]} (checked before building)." \
         "  Fix: check --databases (names are case-sensitive on most servers)."
  fi
  if [ "$role" = destination ] && [ ${#present[@]} -gt 0 ]; then
    fail "The destination $host:$port already has database ${present[*]}; the migration creates it and would mix with what is there." \
         "  Fix: drop it there (DROP DATABASE \`${present[0]}\`) or use another destination."
  fi
  echo "The $role server $host:$port answers and $user logs in${databases:+ (databases checked)}."
}
if [ "$command_name" = start ]; then
  ask_password source
  ask_password destination
  check_server source
  check_server destination
fi

# --- Build (quietly; the output only when it fails), and only when a source changed since the last build ----------
classpath_file="local-run/target/run.classpath"
build_inputs=(pom.xml packaging dialect converter throttle connect-support source-connector sink-connector precheck-cli embedded-stack local-run)
changed_since_build() { # the first source or pom newer than the last build's classpath, or nothing
  local inputs=() m
  for m in "${build_inputs[@]}"; do
    if [ -d "$m" ]; then
      [ -f "$m/pom.xml" ] && inputs+=("$m/pom.xml")
      [ -d "$m/src/main" ] && inputs+=("$m/src/main")
      [ "$m" = packaging ] && inputs+=("$m")
    else
      inputs+=("$m")
    fi
  done
  find "${inputs[@]}" -type f -newer "$classpath_file" -print -quit 2>/dev/null
}
build_reason=""
if [ ! -f "$classpath_file" ] || [ ! -d local-run/target/classes ] || [ ! -d local-run/target/plugins ]; then
  build_reason="no build yet"
elif [ "$command_name" = start ]; then
  changed="$(changed_since_build)"
  if [ -n "$changed" ]; then build_reason="$changed changed"; fi
  if [ "${LOCAL_RUN_BUILD:-}" = always ]; then build_reason="LOCAL_RUN_BUILD=always"; fi
fi
if [ "$command_name" = start ] && [ -z "$build_reason" ]; then
  echo "The build is up to date (no source changed since $(date -r "$classpath_file" '+%Y-%m-%d %H:%M:%S')); no mvn run. LOCAL_RUN_BUILD=always forces one."
fi
if [ -n "$build_reason" ]; then
  build_log="$(mktemp "${TMPDIR:-/tmp}/local-run-build.XXXXXX")"
  if [ "$command_name" = start ]; then printf 'Building the connectors and local-run (mvn package; %s)... ' "$build_reason"; fi
  build_started=$(date +%s)
  build_stamp="$(mktemp "${TMPDIR:-/tmp}/local-run-stamp.XXXXXX")" # sources changed after this moment build next time
  if ! mvn -B -q -DskipTests -pl local-run -am package >"$build_log" 2>&1; then
    [ "$command_name" = start ] && echo
    rm -f "$build_stamp"
    tail -n 60 "$build_log" >&2
    fail "" "The build failed (the last lines are above; all of it is in $build_log)." \
         "  Fix: correct what it names, or run the build yourself: mvn -B -DskipTests -pl local-run -am package"
  fi
  # Maven leaves run.classpath untouched when its content did not change: its time is set here, to the build's start
  touch -r "$build_stamp" "$classpath_file"
  rm -f "$build_stamp"
  if [ "$command_name" = start ]; then echo "done in $(( $(date +%s) - build_started )) s"; fi
  rm -f "$build_log"
fi

# --- Run ---------------------------------------------------------------------------------------------------------
columns=80
if [ -t 1 ]; then columns="$(tput cols 2>/dev/null || echo 80)"; fi
# status and stop are over in seconds: the first JIT tier alone costs them about 40% less CPU (measured 2.3 s -> 1.4 s
# for status), which is what makes them slow on a busy machine; the main job keeps the full JIT.
jit=()
if [ "$command_name" != start ]; then jit=(-XX:TieredStopAtLevel=1); fi
exec java -XX:+UseSerialGC "${jit[@]}" \
  -Dmysqlmigrate.localrun.root="$ROOT" \
  -Dmysqlmigrate.localrun.cwd="$USER_PWD" \
  -Dmysqlmigrate.localrun.columns="$columns" \
  -cp "$(cat "$classpath_file"):local-run/target/classes" \
  io.mysqlmigrate.localrun.LocalRun "${args[@]}"
