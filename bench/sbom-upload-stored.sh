#!/usr/bin/env bash
# End-to-end benchmark: upload a 10,000-component CycloneDX SBOM through the API to a server whose database already
# holds ADVISORIES stored advisories (the shared OSV records plus renamed copies, bulk-loaded with COPY into a
# throwaway PostgreSQL cluster), several times, each to a new release; reports curl's wall time per upload (store the
# SBOM, look up the advisories of its packages, parse them, match, record the findings) and the findings recorded.
# Needs the Debian postgresql package and ../shared/data/osv. Usage:
#   bench/sbom-upload-stored.sh [advisories] [components] [runs]
# With BASELINE=/path/to/another/launcher a second server (another build) runs on the same database and the uploads
# alternate between the two, so that both see the same load on a shared machine. PAUSE=SECONDS waits before each
# upload, so that PostgreSQL's autovacuum of the previous upload's 170,000 rows is not measured with the next one.
# WARMUP=N uploads N times before the timed ones (default 1: the cold JVM's first upload).
# Each line also gives the CPU the upload cost the server's JVM and PostgreSQL (from /proc, steadier than wall time
# on a shared machine), and of the server's share what its live JIT compiler and garbage collector threads took (the
# JIT still compiles in the first uploads after a start). PG_STATEMENTS=N lists the N statements that took PostgreSQL
# longest over all uploads (pg_stat_statements, loaded with PG_EXTRA="-c shared_preload_libraries=pg_stat_statements").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count=${1:-200000}; n=${2:-10000}; runs=${3:-5}
port=18790; pgport=55498; token=craft_bench_token_0123456789abcdef
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d /tmp/craft-stored.XXXXXX)
if [[ ! -f "$root/bench/target/benchmarks.jar" ]]; then
  (cd "$root" && ./mvnw -B -q -ntp -Pbench package -pl bench -am -DskipTests -Dspotless.check.skip=true)
fi
start=$(date +%s)
"$JAVA_HOME/bin/java" -Xmx3g -Dcraft.sharedData="$root/../shared/data" -cp "$root/bench/target/benchmarks.jar" \
  dev.craft.bench.StoredAdvisories "$count" "$n" "$work/gen"
echo "generated in $(( $(date +%s) - start )) s; SBOM $(du -h "$work/gen/sbom.json" | cut -f1)"
source "$root/bench/pg-servers.sh"
start=$(date +%s)
psql -c "\\copy advisory (id, source, modified, published, withdrawn, raw, fetched_at) FROM '$work/gen/advisory.csv' (FORMAT csv)" \
     -c "\\copy advisory_package (advisory_id, package_key) FROM '$work/gen/advisory_package.csv' (FORMAT csv)" \
     -c "\\copy advisory_alias (advisory_id, alias, source) FROM '$work/gen/advisory_alias.csv' (FORMAT csv)" \
     -c "VACUUM (ANALYZE)" -c "CHECKPOINT"
echo "loaded $(psql -c 'SELECT count(*) FROM advisory') advisories ($(psql -c 'SELECT count(*) FROM advisory_package') package keys) in $(( $(date +%s) - start )) s"
if [[ -n "${PG_STATEMENTS:-}" ]]; then psql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "SELECT pg_stat_statements_reset()" >/dev/null; fi
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
pid=$(api -X POST localhost:$port/api/v1/products -d '{"name":"Bench"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
warmup=${WARMUP:-1}
for i in $(seq $((1 - warmup)) "$runs"); do
  for target in "${servers[@]}"; do
    p=${target%%:*}; name=${target#*:}
    rid=$(api -X POST localhost:$p/api/v1/products/$pid/releases -d "{\"version\":\"1.0.$((i + warmup))-$p\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    sleep "${PAUSE:-0}"
    jpid=$(pgrep -f "serve --port $p" | head -1)
    jvm0=$(cpu_seconds "$jpid"); pg0=$(pg_cpu_seconds); split0=$(jvm_threads "$jpid")
    t=$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" --data-binary @"$work/gen/sbom.json" \
        localhost:$p/api/v1/products/$pid/releases/$rid/sbom)
    jvm1=$(cpu_seconds "$jpid"); pg1=$(pg_cpu_seconds); split1=$(jvm_threads "$jpid")
    f=$(psql -c "SELECT count(*) FROM finding_all WHERE release_id = $rid")
    if (( i <= 0 )); then what="warm-up upload $((i + warmup))"; else what="upload $i"; fi
    cpu=$(echo "$jvm0 $jvm1 $pg0 $pg1 $split0 $split1" |
          awk '{printf "CPU: server %.2f s (JIT %.2f, GC %.2f), PostgreSQL %.2f s", $2 - $1, $7 - $5, $8 - $6, $4 - $3}')
    echo "$what, $name: ${t}s, $f findings; $cpu"
  done
done
if [[ -n "${PG_STATEMENTS:-}" ]]; then
  echo "PostgreSQL statements by total time over every upload (pg_stat_statements):"
  psql -F $'\t' -c "SELECT round(total_exec_time)::int AS ms, calls, round((total_exec_time / calls)::numeric, 1) AS per_call,
                            left(regexp_replace(query, '\s+', ' ', 'g'), 110)
                     FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT ${PG_STATEMENTS}"
fi
for target in "${servers[@]}"; do
  echo "server RSS (${target#*:}): $(ps -o rss= -p "$(pgrep -f "serve --port ${target%%:*}" | head -1)") KiB"
done
