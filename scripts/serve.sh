#!/usr/bin/env bash
# The production shape on one machine: DEPLOYMENT=production, static files collected, gunicorn
# with workers from the cores, and the work queue's worker beside it. PostgreSQL when
# DATABASE_URL names it, else the SQLite file var/counterpart.sqlite3.
#   scripts/serve.sh            -> serves on 127.0.0.1:$PORT until Ctrl-C (stops both)
# Without SECRET_KEY a random one is made once and kept in var/secret-key (readable by you only).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PORT=${PORT:-8000}
HOST=${HOST:-127.0.0.1}
mkdir -p var
if [ -z "${SECRET_KEY:-}" ]; then
  [ -s var/secret-key ] || (umask 077; "$PY" -c 'import secrets; print(secrets.token_urlsafe(64))' > var/secret-key)
  SECRET_KEY=$(cat var/secret-key)
fi
# The address e-mails link to; a server behind a proxy sets its public one.
SITE_URL=${SITE_URL:-http://$HOST:$PORT}
export SECRET_KEY SITE_URL DEPLOYMENT=production DEBUG=0
# Persistent connections: a worker keeps its database connection between requests.
export DB_CONN_MAX_AGE=${DB_CONN_MAX_AGE:-60}
# Gunicorn's rule of thumb: two workers per core, and one more.
WORKERS=${WORKERS:-$(( 2 * $(nproc) + 1 ))}

"$PY" manage.py migrate --no-input -v0
"$PY" manage.py collectstatic --no-input --clear -v0
scripts/supervise.sh "$PY" manage.py worker & worker=$!  # started again if it ever stops
trap 'kill $worker 2>/dev/null; wait $worker 2>/dev/null' EXIT
echo "Serving the production shape on http://$HOST:$PORT: $WORKERS web workers and one queue worker"
"$PY" -m gunicorn counterpart.wsgi:application --bind "$HOST:$PORT" --workers "$WORKERS" \
  --access-logfile "${ACCESS_LOG:--}" --graceful-timeout 10 --timeout 120
