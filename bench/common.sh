# Shared by the bench scripts: checks the tools, builds quietly, runs one benchmark class on the built classpath.
# Sourced with the project root as the working directory.

fail() {
  printf '%s\n' "$@" >&2
  exit 1
}

require_build_tools() {
  command -v java >/dev/null 2>&1 || fail "java not found: the bench needs a JDK 17 or newer."
  command -v mvn >/dev/null 2>&1 || fail "mvn not found: the bench builds the connectors with Maven."
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    fail "mariadbd not found: the private servers need it." "  Fix: sudo apt-get install -y mariadb-server"
  fi
}

# run_benchmark <main class simple name> [args...]
run_benchmark() {
  local main="$1"
  shift
  local stamp build_log started
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
    -Dmysqlmigrate.bench.root="$PWD" \
    -Dmysqlmigrate.bench.stamp="$stamp" \
    -Dmysqlmigrate.bench.log="$PWD/bench/target/run-$stamp/bench.log" \
    -cp "bench/target/lib/*:bench/target/classes" \
    "io.mysqlmigrate.bench.$main" "$@"
}
