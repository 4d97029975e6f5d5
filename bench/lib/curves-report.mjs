// Prints bench/results/curves.jsonl as the markdown tables of bench/README.md "Cost curves" (the latest run of each
// point wins). Usage: node curves-report.mjs bench/results/curves.jsonl
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const latest = (scenario, key) => {
  const m = new Map();
  for (const r of rows.filter((r) => r.data.scenario === scenario || r.data.curve === scenario)) m.set(key(r.data), r);
  return [...m.values()];
};
const f = (x, d = 0) => (x == null ? '—' : Number(x).toFixed(d));
const heap = (e) => (e.gcs ? `${f(e.max_heap_after_gc_mib)} MiB` : 'no GC');
const load = (r) => r.load_start.split(' ')[0];

console.log('\nsuite size\n');
console.log('| run (UTC) | cases | import | list p50 / p99, first page | list p50 / p99, random page | CSV export (ready, size) | XLSX export (ready, size) | heap after GC, max (CSV / XLSX) | RSS peak during export | load |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
// every run: the spread between runs is part of the result on a shared machine
for (const r of rows.filter((r) => r.data.scenario === 'suite-size').sort((a, b) => a.at.localeCompare(b.at) || a.data.n - b.data.n)) {
  const d = r.data; const [c, x] = d.exports;
  console.log(`| ${r.at.slice(11, 16)} | ${d.n.toLocaleString('en')} | ${f(d.import_ms / 1000, 1)} s | ${f(d.list_first.p50_ms, 1)} / ${f(d.list_first.p99_ms, 1)} ms | ${f(d.list_random.p50_ms, 1)} / ${f(d.list_random.p99_ms, 1)} ms `
    + `| ${f(c.ready_ms)} ms, ${f(c.bytes / 1024)} KiB | ${f(x.ready_ms)} ms, ${f(x.bytes / 1024)} KiB | ${heap(c)} / ${heap(x)} `
    + `| ${f(c.rss_peak_mib)} / ${f(x.rss_peak_mib)} MiB | ${load(r)} |`);
}

console.log('\nfavourites per user\n');
console.log('| favourites | query | req/s | p50 | p99 | load |');
console.log('|---|---|---|---|---|---|');
for (const r of latest('favourites-size', (d) => `${d.n} ${d.query}`)) {
  const d = r.data; const x = d.result;
  const none = x.requests === 0;
  console.log(`| ${d.n.toLocaleString('en')} | ${d.query} | ${f(x.rps)} | ${none ? '> 5 s (none finished)' : `${f(x.p50_ms, 1)} ms`} | ${none ? '—' : `${f(x.p99_ms, 1)} ms`} | ${load(r)} |`);
}

console.log('\ninstances sharing one queue\n');
console.log('| model slots | instances × workers | jobs | wall | jobs/s | one generation | ideal jobs/s, min(workers, slots) ÷ one generation | share of that | model requests at once, max | load |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of latest('batch', (d) => (d.instances ? `i${d.instances}-s${d.slots}` : `c${d.result?.c}-${d.env ?? ""}`)).filter((r) => r.data.instances).sort((a, b) => a.data.slots - b.data.slots || a.data.instances - b.data.instances)) {
  const d = r.data; const x = d.result;
  const rate = x.n / (x.wall_ms / 1000); const ideal = Math.min(x.c, d.slots) / (x.job_ms / 1000);
  console.log(`| ${d.slots} | ${d.instances} × ${d.per_instance} | ${x.n} | ${f(x.wall_ms / 1000, 1)} s | ${f(rate, 2)} | ${f(x.job_ms)} ms | ${f(ideal, 2)} | ${f(rate / ideal, 2)} | ${d.sim_max_inflight ?? '—'} | ${load(r)} |`);
}

console.log('\nbatch concurrency (one instance, model without a slot limit)\n');
console.log('| concurrency | settings | jobs | wall | ideal | share of ideal | overhead per job | model requests at once, max | load |');
console.log('|---|---|---|---|---|---|---|---|---|');
// every run, not only the latest: repeated points show the spread
for (const r of rows.filter((r) => r.data.scenario === 'batch' && !r.data.instances && r.data.result).sort((a, b) => (a.data.env ?? '').localeCompare(b.data.env ?? '') || a.data.result.c - b.data.result.c)) {
  const x = r.data.result;
  console.log(`| ${x.c} | ${r.data.env || 'defaults'} | ${x.n} | ${f(x.wall_ms / 1000, 1)} s | ${f(x.ideal_ms / 1000, 1)} s | ${f(x.share, 2)} | ${f(x.overhead_ms_per_job, 1)} ms | ${r.data.sim_max_inflight ?? '—'} | ${load(r)} |`);
}
