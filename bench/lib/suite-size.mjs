// Cost curve: a suite of N test cases (N = 100, 1,000, 10,000 by default) — CSV import time, list p50/p99 (first page and
// random pages), background export time (CSV and XLSX) and the memory Concierge used meanwhile: its resident peak (VmHWM,
// reset before each export) and the largest heap left after a garbage collection during the export (the live set;
// from the GC log), so a streamed export shows flat and one held in memory grows with N.
// Usage: node suite-size.mjs CONCIERGE_URL CONCIERGE_PID GC_LOG PSQL_URL SIZES(comma)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { percentile, median } from './api.mjs';

const [base, pid, gcLog, psqlUrl, sizesArg] = process.argv.slice(2);
const sizes = (sizesArg || '100,1000,10000').split(',').map(Number);
const out = (o) => console.log(JSON.stringify({ scenario: 'suite-size', ...o }));
const say = (s) => process.stderr.write(`[suite-size] ${s}\n`);

async function json(method, path, body, type = 'application/json') {
  const res = await fetch(`${base}${path}`, { method, headers: body === undefined ? {} : { 'content-type': type },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}
const psql = (sql) => execFileSync('psql', [psqlUrl, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { encoding: 'utf8' });
const status = () => Object.fromEntries(readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')
  .map((l) => l.split(':')).filter((p) => p.length === 2).map(([k, v]) => [k, parseInt(v, 10)]));
const gcOffset = () => { try { return statSync(gcLog).size; } catch { return 0; } };
/** Heap after each collection logged since `from` (serial GC: "... 80M->12M(247M) ..."), in MiB. */
function heapAfterGc(from) {
  const text = readFileSync(gcLog).subarray(from).toString('utf8');
  return [...text.matchAll(/(\d+)M->(\d+)M\((\d+)M\)/g)].map((m) => Number(m[2]));
}

async function timedList(path, n) {
  const times = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const started = performance.now();
      const res = await fetch(`${base}${typeof path === 'function' ? path() : path}`);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`list answered ${res.status}`);
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return { p50_ms: median(times), p99_ms: percentile(times, 99) };
}

async function exportOnce(suite, format) {
  // Collect first, so the peak is the export's own; then reset the kernel's high-water mark to the current RSS.
  const before = status();
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const gcFrom = gcOffset();
  const started = performance.now();
  const job = await json('POST', `/api/suites/${suite}/exports`, { format });
  let state = job;
  while (state.state !== 'ready') {
    if (state.state === 'failed') throw new Error(`export failed: ${state.failure}`);
    await new Promise((r) => setTimeout(r, 20));
    state = await json('GET', `/api/exports/${job.id}`);
  }
  const ready = performance.now() - started;
  const res = await fetch(`${base}${state.downloadUrl}`);
  const bytes = (await res.arrayBuffer()).byteLength;
  const total = performance.now() - started;
  await new Promise((r) => setTimeout(r, 1200)); // the GC log is written asynchronously
  const after = status();
  const heaps = heapAfterGc(gcFrom);
  return { format, ready_ms: ready, total_ms: total, bytes, rss_before_mib: before.VmRSS / 1024, rss_peak_mib: after.VmHWM / 1024,
    gcs: heaps.length, max_heap_after_gc_mib: heaps.length ? Math.max(...heaps) : null };
}

const steps = JSON.stringify([1, 2, 3, 4, 5].map((i) => ({ action: `Step ${i}: open the sign-in page and enter a registered name and password`,
  expectedResult: `Step ${i}: the page shows the dashboard with the name` })));

const row = (i) => `TC-${i},Sign in with a valid password (${i}),A registered user exists.,The dashboard shows the user name.`;
/** The API imports at most 5,000 rows per file: larger suites come in several files, timed together. */
async function importInto(suite, n) {
  const started = performance.now();
  for (let from = 0; from < n; from += 5000) {
    const csv = ['key,title,preconditions,expected result', ...Array.from({ length: Math.min(5000, n - from) }, (_, i) => row(from + i))].join('\n');
    await json('POST', `/api/suites/${suite}/imports`, csv, 'text/csv');
  }
  return performance.now() - started;
}

// Warm-up: the import and export code paths compiled before the first measured size (without it the 100 and 1,000
// points measured the JIT: 1,000 rows took longer per row than 10,000).
const scratch = (await json('POST', '/api/suites', { name: `Warm-up ${Date.now()}` })).id;
for (let i = 0; i < 3; i++) await importInto(scratch, 2000);
say('warmed up (3 imports of 2,000 rows)');

for (const n of sizes) {
  const suite = (await json('POST', '/api/suites', { name: `Size ${n} ${Date.now()}` })).id;
  const importMs = await importInto(suite, n);
  say(`N=${n}: imported in ${importMs.toFixed(0)} ms`);
  // Every case gets a five-step generated procedure straight in the database, as a finished batch would leave it:
  // exports then write what a real suite holds.
  psql(`INSERT INTO test_case_generation.procedure_revisions (case_id, number, steps, kind, created_at)
        SELECT id, 1, '${steps}'::jsonb, 'generated', now() FROM test_case_generation.test_cases WHERE suite_id = ${suite};
        UPDATE test_case_generation.test_cases SET status = 'generated', current_revision = 1, version = version + 1 WHERE suite_id = ${suite};
        ANALYZE test_case_generation.test_cases; ANALYZE test_case_generation.procedure_revisions;`);
  const pages = Math.max(1, Math.floor(n / 20));
  await timedList(`/api/suites/${suite}/test-cases?limit=20`, 200); // warm-up
  const first = await timedList(`/api/suites/${suite}/test-cases?limit=20`, 400);
  const random = await timedList(() => `/api/suites/${suite}/test-cases?limit=20&offset=${20 * Math.floor(Math.random() * pages)}`, 400);
  say(`N=${n}: list first page p50 ${first.p50_ms.toFixed(2)} p99 ${first.p99_ms.toFixed(2)} ms; random page p50 ${random.p50_ms.toFixed(2)} p99 ${random.p99_ms.toFixed(2)} ms`);
  const exports = [];
  for (const format of ['csv', 'xlsx']) {
    const e = await exportOnce(suite, format);
    exports.push(e);
    say(`N=${n}: export ${format} ready ${e.ready_ms.toFixed(0)} ms, total ${e.total_ms.toFixed(0)} ms, ${(e.bytes / 1024).toFixed(0)} KiB, `
      + `RSS ${e.rss_before_mib.toFixed(0)} -> peak ${e.rss_peak_mib.toFixed(0)} MiB, heap after GC max ${e.max_heap_after_gc_mib} MiB (${e.gcs} GCs)`);
  }
  out({ n, import_ms: importMs, list_first: first, list_random: random, exports });
}
