#!/usr/bin/env bash
# End-to-end benchmark of portfolio impact: a portfolio of RELEASES releases x COMPONENTS components (current SBOMs,
# bulk-loaded with SQL into a throwaway PostgreSQL cluster, vacuumed, as autovacuum would have done on a live
# system, and checkpointed, so that neither writes the load's 2 GB during the measurements), then one new OSV
# advisory uploaded through the API.
# Reports the wall time of the import request (parse, store, find the affected components by package key, match,
# record findings) and how many findings it created. Needs the Debian postgresql package. Usage:
#   bench/portfolio-impact.sh [releases] [components] [runs]
# With BASELINE=/path/to/another/launcher a second server (another build) runs on the same database and the runs
# alternate between the two, so that both see the same load on a shared machine. WARMUP=N sets the number of warm-up
# imports (below; 0 for none).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
releases=${1:-10000}; components=${2:-1000}; runs=${3:-3}
port=18777; pgport=55499; token=craft_bench_token_0123456789abcdef
work=$(mktemp -d /tmp/craft-impact.XXXXXX)
source "$root/bench/pg-servers.sh"
start=$(date +%s)
psql <<SQL
INSERT INTO product (name, manufacturer_role, type) VALUES ('Bench portfolio', 'manufacturer', 'software');
INSERT INTO release (product_id, version, status)
  SELECT (SELECT id FROM product WHERE name = 'Bench portfolio'), 'r' || i, 'released' FROM generate_series(1, $releases) i;
INSERT INTO sbom (release_id, format, spec_version, encoding, sha256, size_bytes, original, inventory, component_count, uploaded_by)
  SELECT id, 'cyclonedx', '1.6', 'json', 'bench', 0, ''::bytea, ''::bytea, $components, 'bench' FROM release;
INSERT INTO sbom_component (sbom_id, ordinal, ref, type, grp, name, version, purl, direct, package_key)
  SELECT s.id, j, 'c' || j, 'library', '', 'pkg-' || j, '1.' || (s.id % 20) || '.0',
         'pkg:npm/pkg-' || j || '@1.' || (s.id % 20) || '.0', false, 'npm/pkg-' || j
  FROM sbom s, generate_series(0, $components - 1) j;
VACUUM (ANALYZE);
CHECKPOINT;
SQL
echo "loaded $releases releases x $components components in $(( $(date +%s) - start )) s ($(psql -c 'SELECT count(*) FROM sbom_component') rows)"
advisory() { # id package fixed
  printf '{"schema_version":"1.6.0","id":"%s","modified":"2026-11-29T00:00:00Z","summary":"bench","affected":[{"package":{"ecosystem":"npm","name":"%s"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"%s"}]}]}]}' "$1" "$2" "$3"
}
# A server that has run for a while has imported many advisories: WARMUP imports (default 300) of advisories that
# affect no component, and three that affect every release, before the measured runs, so that the request's own
# code (HTTP, parsing, storing, the look-up) runs compiled, as it does in a server that has synchronised its feeds.
for target in "${servers[@]}"; do
  p=${target%%:*}
  for w in $(seq 1 "${WARMUP:-300}"); do
    advisory "WARMUP-$p-$w" "pkg-unused-$w" "1.0.0" | curl -sf -o /dev/null -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' --data-binary @- "localhost:$p/api/v1/advisories/import?name=w.json"
  done
  for w in 1 2 3; do
    advisory "WARMUP-$p-all-$w" "pkg-$(( (w * 97 + p) % components ))" "9.0.0" | curl -sf -o /dev/null \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @- \
      "localhost:$p/api/v1/advisories/import?name=w.json"
  done
done
echo "warmed up: ${WARMUP:-300} + 3 imports per server"
for run in $(seq 1 "$runs"); do
  for target in "${servers[@]}"; do
    p=${target%%:*}; name=${target#*:}; k=$(( run * ${#servers[@]} + ${p: -1} ))
    for case in "none:pkg-unused:1.0.0" "half:pkg-$((k * 7 % components)):1.10.0" "all:pkg-$((k * 11 % components)):9.0.0"; do
      IFS=: read -r label pkg fixed <<<"$case"
      id="BENCH-$label-$run-$p"
      t=$(advisory "$id" "$pkg" "$fixed" | curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' --data-binary @- "localhost:$p/api/v1/advisories/import?name=$id.json")
      n=$(psql -c "SELECT count(*) FROM finding_all WHERE vulnerability_id = '$id' AND pack_ids && ARRAY['$id']")
      echo "run $run, $name, advisory affecting $label: ${t}s, $n findings recorded"
    done
  done
done
