#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for the tests (no Docker): Debian's postgresql binaries, a data
# folder of its own, a local port and a socket in /tmp. Prints the connection string on its last line;
# test.sh and .ci/run export it as KINERJA_TEST_POSTGRES. Safe to run again: a running cluster is reused.
#   PGPORT (default 55432), KINERJA_PG_DATA (default /tmp/kinerja-pg-$PGPORT)
set -euo pipefail
port="${PGPORT:-55432}"
data="${KINERJA_PG_DATA:-/tmp/kinerja-pg-$port}"
bin=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bin="$candidate"
done
if [ -z "$bin" ]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi
# the server refuses to run as root: run it as the postgres account when we are root
run() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
if [ "$(id -u)" -eq 0 ]; then
  mkdir -p "$data" && chown postgres: "$data" && chmod 700 "$data"
fi
if [ ! -f "$data/PG_VERSION" ]; then
  run "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! run "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  run "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
fi
for _ in $(seq 1 30); do
  run "$bin/pg_isready" -h /tmp -p "$port" -q && break
  sleep 1
done
echo "Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Maximum Pool Size=50"
