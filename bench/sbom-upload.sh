#!/usr/bin/env bash
# End-to-end benchmark: upload a 10,000-component CycloneDX SBOM through the real API (embedded PostgreSQL), several
# times, each to a new release, and report the wall time of each request as the client sees it.
# Usage: bench/sbom-upload.sh [components] [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n=${1:-10000}; runs=${2:-5}; port=18555; token=craft_bench_token_0123456789abcdef
work=$(mktemp -d /tmp/craft-bench.XXXXXX)
python3 "$root/bench/gen-sbom.py" "$n" > "$work/sbom.json"
"$root/craft" --version >/dev/null   # builds the jar if needed
CRAFT_ADMIN_TOKEN=$token CRAFT_ADMIN_PASSWORD=bench-password-123 CRAFT_LOG_FORMAT=text \
  "$root/craft" serve --port $port --data-dir "$work/data" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf localhost:$port/health/ready >/dev/null; do sleep 0.2; done
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
pid=$(api -X POST localhost:$port/api/v1/products -d '{"name":"Bench"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "SBOM: $n components, $(du -h "$work/sbom.json" | cut -f1)"
for i in $(seq 0 "$runs"); do
  rid=$(api -X POST localhost:$port/api/v1/products/$pid/releases -d "{\"version\":\"1.0.$i\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  t=$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" --data-binary @"$work/sbom.json" \
      localhost:$port/api/v1/products/$pid/releases/$rid/sbom)
  if [[ $i == 0 ]]; then echo "warm-up upload: ${t}s"; else echo "upload $i: ${t}s"; fi
done
echo "server RSS: $(ps -o rss= -p "$(pgrep -f "serve --port $port" | head -1)") KiB"
