#!/bin/sh
# Starts or stops a throw-away PostgreSQL server for the tests (never a mock):
#   pg_server.sh start DIR    initdb in a new folder under /tmp (its name in
#                             DIR/server), listen on a Unix socket there only
#                             (no TCP), write the connection string to
#                             DIR/conninfo; on failure write the reason to
#                             DIR/skip and exit 0 unless CI is set (then 1)
#   pg_server.sh stop DIR
# The server's folder is under /tmp because the server's user must reach it
# (a build tree may sit below a folder only its owner can enter) and a Unix
# socket's path must stay short.
# PostgreSQL refuses to run as root, so as root the server runs as the
# `postgres` user (the Debian package creates it). Some machines close
# /dev/null to everyone but root (mode 0600), which makes initdb fail for
# that user: then the commands run in a private mount namespace (unshare -m)
# with a null device of our own bound over /dev/null.
set -u
cmd=${1:?start or stop}
state=${2:?folder}
dir=
[ -f "$state/server" ] && dir=$(cat "$state/server")
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

as_server_user() {  # runs "$@" as the server's user, with a usable /dev/null
  if [ "$(id -u)" != 0 ]; then
    "$@"
    return
  fi
  if runuser -u postgres -- sh -c ': >/dev/null' 2>/dev/null; then
    runuser -u postgres -- "$@"
    return
  fi
  [ -c "$dir/null" ] || mknod -m 0666 "$dir/null" c 1 3 || return 1
  unshare -m sh -c 'mount --bind "$0/null" /dev/null && exec runuser -u postgres -- "$@"' "$dir" "$@"
}

skip() {
  echo "$*" >"$state/skip"
  echo "pg_server.sh: no PostgreSQL server for the tests: $*" >&2
  [ -n "${CI:-}" ] && exit 1
  exit 0
}

case $cmd in
start)
  "$0" stop "$state"
  rm -rf "$state" && mkdir -p "$state" || exit 1
  dir=$(mktemp -d /tmp/piiscan-pg.XXXXXX) || exit 1
  echo "$dir" >"$state/server"
  [ -n "$bindir" ] || skip "PostgreSQL server binaries not installed (scripts/install-deps --test installs postgresql-15)"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || skip "running as root and there is no 'postgres' user to run the server as"
    chown postgres "$dir" || skip "cannot hand $dir to the postgres user"
  fi
  chmod 0700 "$dir"
  as_server_user "$bindir/initdb" -D "$dir/data" -A trust -U piiscan --no-sync -E UTF8 --locale=C \
    >"$dir/initdb.log" 2>&1 || skip "initdb failed: $(tail -n 3 "$dir/initdb.log" | tr '\n' ' ')"
  as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses= -c fsync=off -c full_page_writes=off -c max_connections=60" \
    start >"$dir/pg_ctl.log" 2>&1 || skip "the server did not start: $(tail -n 3 "$dir/server.log" | tr '\n' ' ')"
  as_server_user "$bindir/createdb" -h "$dir" -U piiscan piiscan_test >>"$dir/pg_ctl.log" 2>&1 ||
    skip "createdb failed"
  echo "host=$dir user=piiscan dbname=piiscan_test" >"$state/conninfo"
  ;;
stop)
  [ -n "$dir" ] && [ -d "$dir/data" ] &&
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  [ -n "$dir" ] && rm -rf "$dir"
  rm -f "$state/server" "$state/conninfo"
  ;;
esac
