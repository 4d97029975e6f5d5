# Cost curves (bench/README.md "Cost curves"): sourced by bench/run when it is given a scenario name, after PostgreSQL,
# the simulator and one Concierge are up. Each curve appends JSON lines to bench/results/curves.jsonl (with the load
# average at its start and end) and prints a table. Short runs by design: shapes, not absolute numbers.

CURVES_OUT="$BENCH/results/curves.jsonl"
mkdir -p "$BENCH/results"
command -v psql >/dev/null || apt_install postgresql-client
PSQL_URL="postgresql://bench@127.0.0.1:$PG_PORT/concierge"
load_now() { cut -d' ' -f1-3 /proc/loadavg; }
curve_record() { # curve_record SCENARIO JSON-LINES-FILE LOAD-AT-START
  local when; when=$(date -u +%FT%TZ)
  while IFS= read -r line; do
    [ -n "$line" ] && echo "{\"at\":\"$when\",\"load_start\":\"$3\",\"load_end\":\"$(load_now)\",\"cpus\":$(nproc),\"data\":$line}" >> "$CURVES_OUT"
  done < "$2"
}

# start_instance NAME PORT [VAR=value...]: one more Concierge on the same database and simulator
start_instance() {
  local name=$1 port=$2; shift 2
  start "$name" "$WORK/$name.log" env PORT="$port" HOST=127.0.0.1 \
    DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/concierge" DATABASE_USER=bench DATABASE_PASSWORD=bench \
    OLLAMA_BASE_URL="$SIM" OLLAMA_MODEL=qwen2.5:7b LLM_PROVIDER=ollama DATA_DIR="$WORK/data-$name" SHUTDOWN_DRAIN_SECONDS=2 \
    LLM_RATE_LIMIT_PER_MINUTE=100000 LLM_MAX_CONCURRENT_CALLS=1000 "$@" \
    "$JAVA" $JAVA_OPTS_BENCH -jar "$JAR"
  wait_http "http://127.0.0.1:$port/health" 120 "$STARTED_PID"
}

# Requests the simulator had open at once at most since batch.mjs reset it: shows the workers really ran in parallel.
sim_max_inflight() { curl -fs "$SIM/sim/stats" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).maxInflight))'; }

curve_suite_size() {
  local sizes="${BENCH_SUITE_SIZES:-100,1000,10000}" load; load=$(load_now)
  say "suite size: N = $sizes (import, list p99, background export time and memory)"
  # A small young generation (16 MiB of the 256) makes collections frequent, so the heap left after each one traces
  # what an export keeps alive; with the default sizing a 10,000-case export ends before the first collection.
  stop "$CONCIERGE_PID"
  local saved_opts=$JAVA_OPTS_BENCH
  JAVA_OPTS_BENCH="$JAVA_OPTS_BENCH -Xmn16m"
  start_concierge
  JAVA_OPTS_BENCH=$saved_opts
  wait_http "$CONCIERGE/health" 120 "$CONCIERGE_PID"
  node "$BENCH/lib/suite-size.mjs" "$CONCIERGE" "$CONCIERGE_PID" "$WORK/gc-$CONCIERGE_PID.log" "$PSQL_URL" "$sizes" > "$WORK/suite-size.jsonl" \
    || die "suite-size failed"
  curve_record suite-size "$WORK/suite-size.jsonl" "$load"
  stop "$CONCIERGE_PID"   # back to the production flags for the curves that follow
  start_concierge
  wait_http "$CONCIERGE/health" 120 "$CONCIERGE_PID"
}

curve_favourites_size() {
  local sizes="${BENCH_FAVOURITE_SIZES:-1000,100000,1000000}" secs="${BENCH_CURVE_SECONDS:-5}" total=0 n
  for n in ${sizes//,/ }; do
    local load; load=$(load_now)
    say "favourites: growing the local user's favourites to $n (half quotes, half horoscopes; SQL, count kept by hand)"
    # One user owning all of them is the worst case for a per-owner list. The count trigger is off while seeding:
    # a million updates of one counter row in one transaction would dominate; the count is then set once.
    psql -q "$PSQL_URL" -v ON_ERROR_STOP=1 >/dev/null <<SQL
ALTER TABLE favourites.saved_favourites DISABLE TRIGGER saved_favourites_counted;
INSERT INTO favourites.saved_favourites (owner_id, type, content, author, created_at)
SELECT 'local', CASE WHEN i % 2 = 0 THEN 'quote' ELSE 'horoscope' END, 'content number ' || i || ' of the curve', 'author ' || (i % 17),
       now() - make_interval(secs => i)
FROM generate_series($total + 1, $n) i;
ALTER TABLE favourites.saved_favourites ENABLE TRIGGER saved_favourites_counted;
DELETE FROM favourites.saved_counts WHERE owner_id = 'local';
INSERT INTO favourites.saved_counts (owner_id, type, saved)
SELECT owner_id, type, count(*) FROM favourites.saved_favourites WHERE owner_id = 'local' GROUP BY owner_id, type;
INSERT INTO favourites.content_likes (content_key, user_id)
SELECT content_key, 'user ' || (id % 7) FROM favourites.saved_favourites WHERE owner_id = 'local' AND id % 10 = 0
ON CONFLICT DO NOTHING;
VACUUM ANALYZE favourites.saved_favourites; VACUUM ANALYZE favourites.content_likes;
SQL
    total=$n
    local deep=$(( n / 4 > 1000000 ? 1000000 : n / 4 ))
    for shape in "first pages|/api/favourites?type=quote&limit=20&offset=0|/api/favourites?type=quote&limit=20&offset=20|/api/favourites?type=quote&limit=20&offset=40|/api/favourites?type=quote&limit=20&offset=60|/api/favourites?type=quote&limit=20&offset=80" \
                 "deep page (offset N/4)|/api/favourites?type=quote&limit=20&offset=$deep" \
                 "most liked, first page|/api/favourites?type=quote&sort=likes&limit=20"; do
      local label=${shape%%|*} paths=${shape#*|} out line
      # the first run warms up (JIT, plan cache, pages in shared buffers), the second is measured
      out=$(env BENCH_LIB="$BENCH/lib" BENCH_PATHS="$paths" wrk -t2 -c8 -d"${secs}s" --timeout 10s -s "$BENCH/lib/paths.lua" "$CONCIERGE" 2>&1) || die "wrk: $out"
      out=$(env BENCH_LIB="$BENCH/lib" BENCH_PATHS="$paths" wrk -t2 -c8 -d"${secs}s" --timeout 10s -s "$BENCH/lib/paths.lua" "$CONCIERGE" 2>&1) || die "wrk: $out"
      line=$(grep '^BENCH_RESULT ' <<<"$out" | sed 's/^BENCH_RESULT //')
      say "  N=$n $label: $(node -e 'const r=JSON.parse(process.argv[1]);console.log(`${r.rps.toFixed(0)} req/s p50 ${r.p50_ms.toFixed(2)} ms p99 ${r.p99_ms.toFixed(2)} ms errors ${r.errors}`)' "$line")"
      echo "{\"scenario\":\"favourites-size\",\"n\":$n,\"query\":\"$label\",\"result\":$line}" > "$WORK/fav.jsonl"
      curve_record favourites-size "$WORK/fav.jsonl" "$load"
    done
  done
}

curve_instances() {
  local slots="${BENCH_SIM_SLOTS:-4}" per="${BENCH_INSTANCE_CONCURRENCY:-2}" n="${BENCH_INSTANCES_N:-48}" k
  say "instances: 1-3 instances x $per workers sharing one queue; simulator serving $slots generations at once"
  stop "$SIM_PID"
  start sim-llm-slots "$WORK/sim-llm-slots.log" env PORT="$SIM_PORT" TTFT_MS=$SIM_TTFT_MS TOKEN_MS=$SIM_TOKEN_MS SLOTS="$slots" node "$SHARED/sim-llm/server.js"
  SIM_PID=$STARTED_PID
  wait_http "$SIM/api/version" 20 "$SIM_PID"
  stop "$CONCIERGE_PID"
  local extra=() first=""
  for k in 1 2 3; do
    local load port; load=$(load_now); port=$(free_port)
    start_instance "instance-$k" "$port" GENERATION_CONCURRENCY="$per"
    extra+=("$STARTED_PID")
    [ -n "$first" ] || first="http://127.0.0.1:$port"
    # The batch is posted to the first instance; the others learn of it by polling the queue (GENERATION_POLL_MILLIS).
    node "$BENCH/lib/batch.mjs" "$first" "$SIM" 1 "$n" $((per * k)) > "$WORK/batch-raw.jsonl" || die "instances: batch failed"
    sed "s/^{/{\"instances\":$k,\"slots\":$slots,\"per_instance\":$per,\"sim_max_inflight\":$(sim_max_inflight),/" "$WORK/batch-raw.jsonl" > "$WORK/instances.jsonl"
    say "  $k instance(s): $(tail -1 "$WORK/instances.jsonl")"
    curve_record instances "$WORK/instances.jsonl" "$load"
  done
  for pid in "${extra[@]}"; do stop "$pid"; done
  # The simulator without a slot limit again, for the curves that follow.
  stop "$SIM_PID"
  start sim-llm "$WORK/sim-llm.log" env PORT="$SIM_PORT" TTFT_MS=$SIM_TTFT_MS TOKEN_MS=$SIM_TOKEN_MS node "$SHARED/sim-llm/server.js"
  SIM_PID=$STARTED_PID
  wait_http "$SIM/api/version" 20 "$SIM_PID"
}

curve_batch_concurrency() {
  local c per="${BENCH_BATCH_PER_WORKER:-8}"
  say "batch share of ideal at concurrency 4, 16, 32 (N = $per x C; simulator without a slot limit)"
  stop "$CONCIERGE_PID"
  for c in ${BENCH_BATCH_CONCURRENCIES:-4 16 32}; do
    local load; load=$(load_now)
    # BENCH_BATCH_ENV (VAR=value ...): settings for this run, e.g. DATABASE_POOL_SIZE=32 to see whether the pool bends it
    BATCH_C=$c start_concierge ${BENCH_BATCH_ENV:-}
    wait_http "$CONCIERGE/health" 120 "$CONCIERGE_PID"
    node "$BENCH/lib/batch.mjs" "$CONCIERGE" "$SIM" 1 $((per * c)) "$c" > "$WORK/batch-raw.jsonl" || die "batch at C=$c failed"
    sed "s/^{/{\"env\":\"${BENCH_BATCH_ENV:-}\",\"sim_max_inflight\":$(sim_max_inflight),/" "$WORK/batch-raw.jsonl" > "$WORK/batch-c.jsonl"
    say "  C=$c: $(tail -1 "$WORK/batch-c.jsonl")"
    curve_record batch-concurrency "$WORK/batch-c.jsonl" "$load"
    stop "$CONCIERGE_PID"
  done
}

for curve in ${CURVES//,/ }; do
  case $curve in
    suite-size) curve_suite_size ;;
    favourites-size) curve_favourites_size ;;
    instances) curve_instances ;;
    batch-concurrency) curve_batch_concurrency ;;
  esac
done
say "appended to bench/results/curves.jsonl"
