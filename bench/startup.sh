#!/usr/bin/env bash
# Start-up benchmark: time from `craft serve` to /health/ready answering 200, on a fresh data directory (first start:
# initdb, migrations, demo data) and again on the same directory (restart), with the resident memory of the JVM and of
# the embedded PostgreSQL processes once ready.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port=18666; work=$(mktemp -d /tmp/craft-startup.XXXXXX)
"$root/craft" --version >/dev/null
trap 'pkill -f "serve --demo --port $port" 2>/dev/null; sleep 2; rm -rf "$work"' EXIT
for run in first restart; do
  start=$(date +%s.%N)
  CRAFT_LOG_FORMAT=text "$root/craft" serve --demo --port $port --data-dir "$work/data" > "$work/$run.log" 2>&1 &
  until curl -sf localhost:$port/health/ready >/dev/null; do sleep 0.05; done
  end=$(date +%s.%N)
  pid=$(pgrep -f "serve --demo --port $port" | head -1)
  jvm=$(ps -o rss= -p "$pid")
  # Private memory of the PostgreSQL processes (RSS would count the shared buffers once per process).
  pg=$(for p in $(pgrep -f "$work/data/postgres"); do awk '/^Private_(Clean|Dirty)/ {s+=$2} END {print s}' /proc/$p/smaps_rollup 2>/dev/null; done | awk '{s+=$1} END {print s}')
  printf '%s start: %.1f s to ready; JVM RSS %d MiB; PostgreSQL private memory %d MiB\n' \
    "$run" "$(echo "$end - $start" | bc)" $((jvm / 1024)) $((pg / 1024))
  kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
done
