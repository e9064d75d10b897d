#!/usr/bin/env bash
# Keeps a command running: whenever it stops (a crash, a database gone for a while), it is
# started again after RESTART_SECONDS. Stopping this script (Ctrl-C, kill) stops both.
#   scripts/supervise.sh .venv/bin/python manage.py worker
set -uo pipefail
child=""
trap '[ -n "$child" ] && kill "$child" 2>/dev/null; wait; exit 0' TERM INT
while true; do
  "$@" & child=$!
  wait "$child"; status=$?
  echo "supervise: '$*' stopped (exit $status); starting it again in ${RESTART_SECONDS:-5} s" >&2
  sleep "${RESTART_SECONDS:-5}" & wait $!
done
