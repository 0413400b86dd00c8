#!/usr/bin/env bash
# Makes (once per machine) the MySQL 9.7 server the tests and the embedded stack run: Debian unstable's
# mysql-server-core in a debootstrap chroot, kept in a cache directory outside the clone and reused.
# Cold: about 5 minutes (debootstrap, then apt). Warm: a check of one file, well under a second.
#   MYSQL_MIGRATE_MYSQL_ROOT  where the chroot lives (default /var/cache/mysql-migrate/mysql-sid)
set -euo pipefail

root="${MYSQL_MIGRATE_MYSQL_ROOT:-/var/cache/mysql-migrate/mysql-sid}"
marker="$root/.mysql-migrate-ready"

if [ -f "$marker" ] && [ -x "$root/usr/sbin/mysqld" ]; then
  echo "MySQL chroot ready at $root ($(cat "$marker"))"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "Making the MySQL chroot needs root (debootstrap and chroot): run 'sudo $0'" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! command -v debootstrap >/dev/null 2>&1; then
  echo "Installing debootstrap"
  apt-get update -qq
  apt-get install -y -qq debootstrap >/dev/null
fi

# A half-made chroot from an interrupted run is made again from scratch.
if [ -d "$root" ]; then
  echo "Removing an unfinished chroot at $root"
  rm -rf --one-file-system "$root"
fi
mkdir -p "$(dirname "$root")"
work="$root.partial"
rm -rf --one-file-system "$work"

echo "debootstrap of Debian unstable into $work (a few minutes)"
start=$(date +%s)
debootstrap --variant=minbase sid "$work" >"$work.log" 2>&1 || { tail -30 "$work.log" >&2; exit 1; }
# The registry serves unstable's index frozen some weeks back: apt would call it expired.
chroot "$work" apt-get -o Acquire::Check-Valid-Until=false update -qq >>"$work.log" 2>&1
chroot "$work" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  mysql-server-core mysql-client >>"$work.log" 2>&1 || { tail -30 "$work.log" >&2; exit 1; }
chroot "$work" apt-get clean
mkdir -p "$work/data"
version=$(chroot "$work" /usr/sbin/mysqld --version | sed -E 's/.*Ver ([0-9.]+).*/\1/')
echo "mysqld $version, made $(date -u +%FT%TZ) in $(( $(date +%s) - start )) s" >"$work/.mysql-migrate-ready"
mv "$work" "$root"
rm -f "$work.log"
echo "MySQL chroot ready at $root ($(cat "$marker"))"
