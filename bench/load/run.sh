#!/usr/bin/env bash
# Load benchmark of the web app (issue 14): publishes it, starts it on 127.0.0.1 with the sample
# agencies loaded, first on SQLite then on PostgreSQL (the private cluster of scripts/start-postgres.sh),
# and runs bench/Kinerja.Load: 50 signed-in clients for 20 s on the dashboard page and the API.
# Prints p50/p95/p99 and throughput per request kind and overall.
#   bench/load/run.sh [sqlite|postgres|both] ; CLIENTS=50 SECONDS_PER_RUN=20 WARMUP=5 THINK_MS=0 PORT=5180 BIN=published-dir
# THINK_MS=500: each client waits 0-1 s between requests, as a person reading pages does; 0 (default) = back to back
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
which="${1:-both}"
clients="${CLIENTS:-50}"
seconds="${SECONDS_PER_RUN:-20}"
warmup="${WARMUP:-5}"
think="${THINK_MS:-0}"
port="${PORT:-5180}"
url="http://127.0.0.1:$port"
password="BebanUji2025x"
out=$(mktemp -d /tmp/kinerja-load.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$out"
}
trap cleanup EXIT

# BIN=DIR reuses a folder published before (DIR/web and DIR/load), e.g. to load an older commit's build
if [ -n "${BIN:-}" ]; then
  ln -s "$(cd "$BIN" && pwd)/web" "$out/web"; ln -s "$(cd "$BIN" && pwd)/load" "$out/load"
else
  echo "publishing the web app and the load client to $out"
  dotnet publish src/Kinerja.Web -c Release -o "$out/web" --nologo -v quiet >/dev/null
  dotnet publish bench/Kinerja.Load -c Release -o "$out/load" --nologo -v quiet >/dev/null
fi

run() {
  local label="$1" database="$2" connection="$3"
  local data="$out/data-$label"
  mkdir -p "$data"
  # --urls on the command line: appsettings.json names port 5080, which outranks ASPNETCORE_URLS
  ASPNETCORE_ENVIRONMENT=Production \
  Kinerja__Database="$database" ConnectionStrings__Kinerja="$connection" \
  Kinerja__DataDirectory="$data" Kinerja__SamplesDirectory="$repo/samples" Kinerja__SeedSamples=true \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Kinerja=Warning \
    dotnet "$out/web/Kinerja.Web.dll" --contentRoot "$out/web" --urls "$url" >"$out/server-$label.log" 2>&1 &
  server=$!
  # the samples are imported on the first start, before the app listens
  local ready=""
  for _ in $(seq 1 900); do
    if curl -sS -o /dev/null "$url/setup" 2>/dev/null; then ready=1; break; fi
    kill -0 "$server" 2>/dev/null || { cat "$out/server-$label.log"; echo "the web app stopped"; exit 1; }
    sleep 1
  done
  [ -n "$ready" ] || { echo "the web app did not answer on $url within 900 s"; exit 1; }
  dotnet "$out/load/Kinerja.Load.dll" --url "$url" --user admin --password "$password" --setup \
    --clients "$clients" --seconds "$seconds" --warmup "$warmup" --think-ms "$think" --label "$label"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

if [ "$which" = "sqlite" ] || [ "$which" = "both" ]; then
  run sqlite Sqlite "Data Source=$out/data-sqlite/kinerja.db"
fi
if [ "$which" = "postgres" ] || [ "$which" = "both" ]; then
  base="${KINERJA_TEST_POSTGRES:-$(scripts/start-postgres.sh | tail -n 1)}"
  pgport=$(echo "$base" | sed -n 's/.*Port=\([0-9]*\).*/\1/p')
  db="kinerja_load_$$"
  # the app adds its own defaults (Max Auto Prepare, No Reset On Close: DatabaseSetup.WithPostgresDefaults)
  run postgres Postgres "$base;Database=$db"
  bin=$(ls -d /usr/lib/postgresql/*/bin | tail -n 1)
  runuser -u postgres -- "$bin/dropdb" -h 127.0.0.1 -p "${pgport:-55432}" -U postgres --if-exists "$db" 2>/dev/null \
    || "$bin/dropdb" -h 127.0.0.1 -p "${pgport:-55432}" -U postgres --if-exists "$db" || true
fi
