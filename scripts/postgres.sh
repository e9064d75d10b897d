#!/usr/bin/env bash
# Start (or stop) a throw-away PostgreSQL cluster on loopback for the test suite.
#   scripts/postgres.sh start   -> prints nothing; the server listens on 127.0.0.1:$PGPORT
#   scripts/postgres.sh stop
# The test cluster skips fsync (it is thrown away); PG_DURABLE=1 keeps PostgreSQL's defaults, as
# the benchmarks do, so that their figures hold for a real server.
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail
PGPORT=${PGPORT:-54329}
PGDATA=${PGDATA:-/tmp/counterpart-pg-$PGPORT}
fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${PG_DURABLE:-0}" = 1 ] && fast=""
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "${1:-start}" in
  start)
    if as_owner "'$bindir/pg_ctl' -D '$PGDATA' status" >/dev/null 2>&1; then exit 0; fi
    rm -rf "$PGDATA"
    mkdir -p "$PGDATA"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
    as_owner "'$bindir/initdb' -D '$PGDATA' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    as_owner "'$bindir/pg_ctl' -D '$PGDATA' -l '$PGDATA/server.log' -w -o \"-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 $fast\" start" >/dev/null
    ;;
  stop)
    as_owner "'$bindir/pg_ctl' -D '$PGDATA' -m fast stop" >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
