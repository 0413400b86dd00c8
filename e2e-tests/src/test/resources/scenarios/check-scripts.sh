#!/usr/bin/env bash
# Checks that the source servers accept a scenario's scripts, before the driver runs it through the pipeline:
# for each flavour of the scenario's `flavours`, a fresh database, the session's sql_mode and time_zone, then
# schema.sql and live.sql with the `mariadb` client (which understands DELIMITER lines).
# It proves only that the SQL runs; the pipeline's outcome is the driver's business.
#
# Usage: check-scripts.sh [scenario-folder ...]   (default: every folder next to this script)
# Servers: MARIADB_SOCKET and MYSQL_SOCKET name the sockets of a MariaDB and a MySQL server reached as root
# without a password (leave one empty to skip that flavour). Never point them at a server you care about: the
# script drops and creates databases named chk_<scenario>.
set -u
here=$(cd "$(dirname "$0")" && pwd)
MARIADB_SOCKET=${MARIADB_SOCKET-/tmp/corpus-maria/s.sock}
MYSQL_SOCKET=${MYSQL_SOCKET-/tmp/corpus-mysql/s.sock}

prop() { # prop FILE KEY DEFAULT: a key's value; the default when the key is absent (an empty value stays empty)
    local line
    if [ -f "$1" ] && line=$(grep -m1 -E "^[[:space:]]*$2[[:space:]]*[=:]" "$1"); then
        printf '%s' "$line" | sed -E "s/^[[:space:]]*$2[[:space:]]*[=:][[:space:]]*//"
    else
        printf '%s' "$3"
    fi
}

run() { # run SOCKET DB PREAMBLE FILE
    { printf '%s\n' "$3"; cat "$4"; printf '\n'; } | mariadb -uroot -S "$1" --default-character-set=utf8mb4 \
        --batch --silent --database="$2" >/dev/null
}

folders=("$@")
[ ${#folders[@]} -eq 0 ] && folders=("$here"/*/)
failed=0
for dir in "${folders[@]}"; do
    dir=${dir%/}
    name=$(basename "$dir")
    props="$dir/scenario.properties"
    [ -f "$dir/schema.sql" ] || { echo "FAIL $name: no schema.sql"; failed=1; continue; }
    preamble=""
    if [ -f "$props" ] && grep -qE '^[[:space:]]*session\.sql_mode[[:space:]]*[=:]' "$props"; then
        preamble="SET SESSION sql_mode = '$(prop "$props" session.sql_mode "")';"
    fi
    if [ -f "$props" ] && grep -qE '^[[:space:]]*session\.time_zone[[:space:]]*[=:]' "$props"; then
        preamble="$preamble SET SESSION time_zone = '$(prop "$props" session.time_zone "")';"
    fi
    for flavour in $(prop "$props" flavours "mariadb,mysql" | tr ',' ' '); do
        case $flavour in
            mariadb) socket=$MARIADB_SOCKET ;;
            mysql) socket=$MYSQL_SOCKET ;;
            *) echo "FAIL $name: unknown flavour $flavour"; failed=1; continue ;;
        esac
        [ -n "$socket" ] || continue
        db="chk_$name"
        mariadb -uroot -S "$socket" -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\`" || { failed=1; continue; }
        if ! err=$(run "$socket" "$db" "$preamble" "$dir/schema.sql" 2>&1); then
            echo "FAIL $name on $flavour, schema.sql: $err"; failed=1; continue
        fi
        if [ -f "$dir/live.sql" ] && ! err=$(run "$socket" "$db" "$preamble" "$dir/live.sql" 2>&1); then
            echo "FAIL $name on $flavour, live.sql: $err"; failed=1; continue
        fi
        echo "ok   $name on $flavour"
        mariadb -uroot -S "$socket" -e "DROP DATABASE IF EXISTS \`$db\`"
    done
done
exit $failed
