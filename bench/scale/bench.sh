#!/usr/bin/env bash
# Issue 23 benchmark: the national roll-up of one indicator over many instansi, and the bulk load through COPY.
#   bench/scale/bench.sh                 # 25.000 instansi x 30 indicators x 4 quarters = 3 M rows, roll-up of PENEMPATAN
#   INSTANSI=8334 bench/scale/bench.sh   # about 1 M rows: the bulk-load figure
# Needs PostgreSQL (KINERJA_TEST_POSTGRES, as the tests) and a Release build of src/Kinerja.Web.
# Prints the load's and the roll-up's times and checks the national aggregate against bench/scale/naive.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
PG="${KINERJA_TEST_POSTGRES:-Host=127.0.0.1;Port=55432;Username=postgres}"
PORT="$(echo "$PG" | sed -n 's/.*Port=\([0-9]*\).*/\1/p')"; PORT="${PORT:-5432}"
# DATA=file reuses a generated data set (the 3 M-row file takes a while to write)
N="${INSTANSI:-25000}"
INDICATOR="${INDIKATOR:-PENEMPATAN}"
WORK="$(mktemp -d)"
DB="kinerja_scale_$$"
DLL=src/Kinerja.Web/bin/Release/net10.0/Kinerja.Web.dll
[ -f "$DLL" ] || dotnet build src/Kinerja.Web -c Release >/dev/null
CONN="$PG;Database=$DB"
cleanup() {
  psql "host=127.0.0.1 port=$PORT user=postgres dbname=postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
run() { dotnet "$DLL" "$@" --Kinerja:Database=Postgres "--ConnectionStrings:Kinerja=$CONN" --Kinerja:DataDirectory="$WORK" --Logging:LogLevel:Default=Warning; }

if [ -n "${DATA:-}" ]; then ln -s "$(realpath "$DATA")" "$WORK/nasional.csv"; else python3 bench/scale/generate.py --seed 23 --instansi "$N" --out "$WORK/nasional.csv"; fi
echo "== beban mesin sebelum: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
run impor-massal "$WORK/nasional.csv"
echo "impor-massal: $(echo "$(date +%s.%N) - $start" | bc) s dinding (termasuk mulai proses dan migrasi)"
for period in 2025-TW4 2025; do
  echo "== rekap $INDICATOR $period (beban $(cut -d' ' -f1-3 /proc/loadavg))"
  got="$(run rekap-nasional "$INDICATOR" "$period")"
  echo "$got" | head -2
  want="$(python3 bench/scale/naive.py "$WORK/nasional.csv" "$INDICATOR" "$period")"
  echo "naif: $want"
  python3 - "$got" "$want" <<'PY'
import sys
from decimal import Decimal
got = Decimal(next(l for l in sys.argv[1].splitlines() if l.startswith("nasional")).split()[1])
want = Decimal(sys.argv[2].split()[1])
ok = abs(got - want) < Decimal("1e-20")
print("sama (selisih < 1e-20)" if ok else f"BERBEDA: {got} vs {want}")
sys.exit(0 if ok else 1)
PY
done
