#!/usr/bin/env bash
# The scale rig (issue 23): the ordinary topology of a national installation, on this machine, from Debian packages.
#   PostgreSQL primary --streaming--> replica (pg_basebackup)
#   PgBouncer (transaction mode) in front of both
#   two Kinerja web servers (A, B), stateless: keys in the database, files in one store
#   HAProxy in front of A and B (round robin, health checks on /healthz)
# It loads data, checks that a sign-in on A is accepted by B, runs the deadline-week mix (reads, realisasi saves,
# bukti uploads, document builds) with a bounded load client against 127.0.0.1 only, stops server B in the middle
# and prints p50/p95/p99, errors and requests per server; then the same mix against server A alone for comparison.
# Everything it starts is stopped and its folder removed at the end, also on failure or Ctrl-C.
#   bench/scale/run.sh [--short]     --short: the CI mode (the samples, 20 clients, 20 s)
#   CLIENTS=50 SECONDS_PER_RUN=60 WARMUP=5 THINK_MS=0 BIN=published-dir KEEP=1 (keep the folder for a look)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
short=""
[ "${1:-}" = "--short" ] && short=1
clients="${CLIENTS:-$([ -n "$short" ] && echo 20 || echo 50)}"
seconds="${SECONDS_PER_RUN:-$([ -n "$short" ] && echo 20 || echo 60)}"
warmup="${WARMUP:-$([ -n "$short" ] && echo 3 || echo 5)}"
think="${THINK_MS:-0}"
password="BebanSkala2025x"
base_port="${RIG_PORT:-56100}"
pg_primary=$base_port; pg_replica=$((base_port + 1)); bouncer=$((base_port + 2))
lb=$((base_port + 10)); web_a=$((base_port + 11)); web_b=$((base_port + 12))

for tool in haproxy pgbouncer; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "rig: $tool is missing (scripts/install-deps.sh installs it as root)"; exit 1; }
done
pgbin=""
for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && pgbin="$candidate"; done
[ -n "$pgbin" ] || { echo "rig: PostgreSQL server binaries missing"; exit 1; }
export PATH="$PATH:/usr/sbin"

out=$(mktemp -d /tmp/kinerja-rig.XXXXXX)
chmod 755 "$out"
pids=()
# PostgreSQL and PgBouncer refuse to run as root: they run as the postgres account then
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  set +e
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ -f "$out/run/pgbouncer.pid" ] && kill "$(cat "$out/run/pgbouncer.pid")" 2>/dev/null
  for data in "$out/pg-replica" "$out/pg-primary"; do
    [ -f "$data/postmaster.pid" ] && as_pg "$pgbin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1
  done
  if [ -n "${KEEP:-}" ]; then echo "rig: kept $out"; else rm -rf "$out"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # url seconds pid-or-empty
  for _ in $(seq 1 "$2"); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then return 1; fi
    sleep 1
  done
  return 1
}

echo "rig: folder $out"
# --- the published app and the load client
if [ -n "${BIN:-}" ]; then
  ln -s "$(cd "$BIN" && pwd)/web" "$out/web"; ln -s "$(cd "$BIN" && pwd)/load" "$out/load"
else
  echo "rig: publishing the web app and the load client"
  dotnet publish src/Kinerja.Web -c Release -o "$out/web" --nologo -v quiet >/dev/null
  dotnet publish bench/Kinerja.Load -c Release -o "$out/load" --nologo -v quiet >/dev/null
fi

# --- PostgreSQL primary and its streaming replica
mkdir -p "$out/pg-primary" "$out/pg-replica" "$out/run"
[ "$(id -u)" -eq 0 ] && chown postgres: "$out/pg-primary" "$out/pg-replica" "$out/run"
chmod 700 "$out/pg-primary" "$out/pg-replica"
as_pg "$pgbin/initdb" -D "$out/pg-primary" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
pg_options="-c listen_addresses=127.0.0.1 -k $out/run -c max_connections=300 -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=replica -c max_wal_senders=5 -c hot_standby=on"
as_pg "$pgbin/pg_ctl" -D "$out/pg-primary" -l "$out/run/pg-primary.log" -w -t 60 -o "-p $pg_primary $pg_options" start >/dev/null
as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$pg_primary" -U postgres kinerja
as_pg "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$pg_primary" -U postgres -D "$out/pg-replica" -R -X stream -c fast
as_pg "$pgbin/pg_ctl" -D "$out/pg-replica" -l "$out/run/pg-replica.log" -w -t 60 -o "-p $pg_replica $pg_options" start >/dev/null
in_recovery=$(as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg_replica" -U postgres -d kinerja -Atc "select pg_is_in_recovery()")
[ "$in_recovery" = "t" ] || { echo "rig: the replica is not in recovery"; exit 1; }
echo "rig: PostgreSQL primary :$pg_primary, streaming replica :$pg_replica"

# --- PgBouncer in transaction mode: kinerja -> primary, kinerja_baca -> replica
cat >"$out/pgbouncer.ini" <<EOF
[databases]
kinerja = host=127.0.0.1 port=$pg_primary dbname=kinerja
kinerja_baca = host=127.0.0.1 port=$pg_replica dbname=kinerja
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer
unix_socket_dir = $out/run
auth_type = trust
auth_file = $out/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
reserve_pool_size = 10
ignore_startup_parameters = extra_float_digits,options,search_path
pidfile = $out/run/pgbouncer.pid
logfile = $out/run/pgbouncer.log
EOF
echo '"postgres" ""' >"$out/userlist.txt"
[ "$(id -u)" -eq 0 ] && chown postgres: "$out/pgbouncer.ini" "$out/userlist.txt"
as_pg pgbouncer -d "$out/pgbouncer.ini"
echo "rig: PgBouncer :$bouncer (transaction mode)"
as_pg "$pgbin/psql" -h 127.0.0.1 -p "$bouncer" -U postgres -d kinerja_baca -Atc "select 'through PgBouncer to the replica: in recovery ' || pg_is_in_recovery()"
[ -n "${RIG_INFRA_ONLY:-}" ] && { echo "rig: infrastructure up (RIG_INFRA_ONLY)"; exit 0; }

# through PgBouncer in transaction mode no statement may stay prepared across transactions
pooled="Host=127.0.0.1;Port=$bouncer;Username=postgres;Max Auto Prepare=0;No Reset On Close=true;Maximum Pool Size=60"
direct="Host=127.0.0.1;Port=$pg_primary;Username=postgres;Database=kinerja"
mkdir -p "$out/files"
common_env=(
  ASPNETCORE_ENVIRONMENT=Production
  Kinerja__Database=Postgres
  "ConnectionStrings__Kinerja=$pooled;Database=kinerja"
  "ConnectionStrings__KinerjaRead=$pooled;Database=kinerja_baca"
  "Kinerja__DataDirectory=$out/files"
  "Kinerja__SamplesDirectory=$repo/samples"
  Kinerja__MigrateAtStart=false
  Logging__LogLevel__Default=Warning Logging__LogLevel__Kinerja=Warning
)

# --- the schema, once, by the explicit step (never by two servers racing at start)
echo "rig: migrating (dotnet Kinerja.Web.dll migrate)"
env "${common_env[@]}" "ConnectionStrings__Kinerja=$direct" dotnet "$out/web/Kinerja.Web.dll" migrate --contentRoot "$out/web" >"$out/migrate.log" 2>&1 \
  || { cat "$out/migrate.log"; echo "rig: migrate failed"; exit 1; }

start_web() { # name port seed
  env "${common_env[@]}" Kinerja__SeedSamples="$3" Kinerja__ServerName="$1" \
    dotnet "$out/web/Kinerja.Web.dll" --contentRoot "$out/web" --urls "http://127.0.0.1:$2" >"$out/web-$1.log" 2>&1 &
  pids+=($!)
  eval "pid_$1=$!"
}
# A loads the samples on its first start; B starts once A is up, so nothing is seeded twice
start_web a "$web_a" true
wait_for "http://127.0.0.1:$web_a/healthz" 900 "$pid_a" || { tail -50 "$out/web-a.log"; echo "rig: server A did not come up"; exit 1; }
start_web b "$web_b" false
wait_for "http://127.0.0.1:$web_b/healthz" 300 "$pid_b" || { tail -50 "$out/web-b.log"; echo "rig: server B did not come up"; exit 1; }
curl -fsS "http://127.0.0.1:$web_a/readyz" >/dev/null || { echo "rig: server A is not ready (/readyz)"; exit 1; }
echo "rig: web servers A :$web_a and B :$web_b"

# --- HAProxy: round robin, health checks, a failed connection retried on the other server
cat >"$out/haproxy.cfg" <<EOF
global
  maxconn 4000
  pidfile $out/haproxy.pid
defaults
  mode http
  timeout connect 2s
  timeout check 3s
  timeout client 60s
  timeout server 60s
  retries 2
  option redispatch
  retry-on conn-failure empty-response 503
frontend kinerja
  bind 127.0.0.1:$lb
  default_backend web
backend web
  balance roundrobin
  option httpchk GET /healthz
  default-server inter 1s fall 2 rise 2
  http-response set-header X-Kinerja-Server %[srv_name]
  server a 127.0.0.1:$web_a check
  server b 127.0.0.1:$web_b check
EOF
haproxy -f "$out/haproxy.cfg" -db >"$out/haproxy.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$lb/healthz" 30 || { cat "$out/haproxy.log"; echo "rig: HAProxy did not come up"; exit 1; }
echo "rig: HAProxy :$lb"

load=(dotnet "$out/load/Kinerja.Load.dll" --user admin --password "$password")
"${load[@]}" --url "http://127.0.0.1:$web_a" --setup --cross "http://127.0.0.1:$web_a,http://127.0.0.1:$web_b"

replica_lag() {
  as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg_primary" -U postgres -d kinerja -Atc \
    "select coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0) from pg_stat_replication"
}

# --- the deadline-week mix through HAProxy; B is stopped (SIGTERM, graceful) half way
echo
echo "== both servers behind HAProxy, $clients clients, ${seconds} s; server B stopped $((seconds / 2)) s into the measured run"
# half way through the measured run (the load client writes the file when it starts measuring)
( for _ in $(seq 1 600); do [ -f "$out/measuring" ] && break; sleep 0.5; done
  sleep $((seconds / 2)); kill -TERM "$pid_b" 2>/dev/null; echo "rig: server B stopped (SIGTERM) at $(date -u +%T)" ) &
stopper=$!
status=0
"${load[@]}" --url "http://127.0.0.1:$lb" --mix deadline --clients "$clients" --seconds "$seconds" --warmup "$warmup" --think-ms "$think" --label "A+B" --started-file "$out/measuring" \
  --allowed-failures "$clients" || status=$?  # at most the requests in flight on B when it stopped: one per client
wait "$stopper" 2>/dev/null || true
echo "replica behind the primary by $(replica_lag) bytes of WAL at the end"

# --- the same mix on server A alone, measured in the same run, for comparison
echo
echo "== server A alone, $clients clients, ${seconds} s"
"${load[@]}" --url "http://127.0.0.1:$web_a" --mix deadline --clients "$clients" --seconds "$seconds" --warmup "$warmup" --think-ms "$think" --label "A" || status=$?

echo "cores: $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$status" -ne 0 ]; then
  echo "rig: requests failed (see above); logs in $out (KEEP=1 keeps them)"
  tail -20 "$out/web-a.log" || true
  exit 1
fi
echo "rig: passed"
