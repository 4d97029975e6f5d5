// Turns the raw results of one bench run into the table (stdout), the JSON file and the chart's TSV input.
// Usage: node report.mjs raw.jsonl out.json chart.tsv '{"run":"settings"}'
import { readFileSync, writeFileSync } from 'node:fs';

const [rawPath, jsonPath, tsvPath, runJson] = process.argv.slice(2);
const raw = readFileSync(rawPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const run = { ...JSON.parse(runJson), finished_at: new Date().toISOString() };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stat = (xs) => (xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length } : null);
const pick = (filter) => raw.filter((r) => Object.entries(filter).every(([k, v]) => r[k] === v));
const rounds = (filter, field) => pick(filter).sort((a, b) => a.round - b.round).map((r) => r.result[field]);

// A row: what was measured, Concierge's value, the reference's value, their ratio, the target and whether it is met.
const rows = [];
function row(scenario, metric, { concierge = null, reference = null, ratio = null, target = null, unit = '', judged = 'ratio', skipped = null }) {
  let met = null;
  const judgedStat = judged === 'ratio' ? ratio : concierge;
  if (target && judgedStat) met = target.op === '>=' ? judgedStat.median >= target.value : judgedStat.median <= target.value;
  rows.push({ scenario, metric, unit, concierge, reference, ratio, target, judged, met, skipped });
}
const pairedRatios = (a, b) => a.map((x, i) => x / b[i]).filter((x) => Number.isFinite(x));

// 1. favourites vs the Express peer
for (const op of ['list', 'like']) {
  const c = (f) => rounds({ scenario: 'favourites', op, side: 'concierge' }, f);
  const p = (f) => rounds({ scenario: 'favourites', op, side: 'peer' }, f);
  if (!c('rps').length) continue;
  const label = op === 'list' ? 'favourites list' : 'favourites like';
  row(label, 'requests/s', { concierge: stat(c('rps')), reference: stat(p('rps')), ratio: stat(pairedRatios(c('rps'), p('rps'))), target: { op: '>=', value: 2.0 }, unit: 'req/s' });
  row(label, 'p50 latency', { concierge: stat(c('p50_ms')), reference: stat(p('p50_ms')), ratio: stat(pairedRatios(c('p50_ms'), p('p50_ms'))), unit: 'ms' });
  row(label, 'p99 latency', { concierge: stat(c('p99_ms')), reference: stat(p('p99_ms')), ratio: stat(pairedRatios(c('p99_ms'), p('p99_ms'))), target: { op: '<=', value: 0.5 }, unit: 'ms' });
  const errors = [...c('errors'), ...p('errors')].reduce((a, b) => a + b, 0);
  if (errors) row(label, 'errors (all runs)', { concierge: stat([c('errors').reduce((a, b) => a + b, 0)]), reference: stat([p('errors').reduce((a, b) => a + b, 0)]), judged: 'none' });
}

// 2. chat time to first token
const chatSkip = pick({ scenario: 'chat' }).find((r) => r.skipped);
if (chatSkip) row('chat TTFT', 'first token', { skipped: chatSkip.skipped });
else if (pick({ scenario: 'chat' }).length) {
  const c = (f) => rounds({ scenario: 'chat', op: 'ttft', side: 'concierge' }, f);
  const d = (f) => rounds({ scenario: 'chat', op: 'ttft', side: 'direct' }, f);
  row('chat TTFT', 'p50', { concierge: stat(c('p50_ms')), reference: stat(d('p50_ms')), ratio: stat(pairedRatios(c('p50_ms'), d('p50_ms'))), target: { op: '<=', value: 1.05 }, unit: 'ms' });
  row('chat TTFT', 'added at p50', { concierge: stat(c('p50_ms').map((x, i) => x - d('p50_ms')[i])), target: { op: '<=', value: 5 }, unit: 'ms', judged: 'concierge' });
  row('chat TTFT', 'p99', { concierge: stat(c('p99_ms')), reference: stat(d('p99_ms')), ratio: stat(pairedRatios(c('p99_ms'), d('p99_ms'))), target: { op: '<=', value: 1.03 }, unit: 'ms' });
  // All conversations' messages in the same millisecond: how far the queue in front of the model stretches; no target.
  const cb = (f) => rounds({ scenario: 'chat', op: 'ttft-burst', side: 'concierge' }, f);
  const db = (f) => rounds({ scenario: 'chat', op: 'ttft-burst', side: 'direct' }, f);
  if (cb('p50_ms').length) {
    row('chat TTFT, burst', 'added at p50', { concierge: stat(cb('p50_ms').map((x, i) => x - db('p50_ms')[i])), unit: 'ms', judged: 'none' });
    row('chat TTFT, burst', 'p99', { concierge: stat(cb('p99_ms')), reference: stat(db('p99_ms')), ratio: stat(pairedRatios(cb('p99_ms'), db('p99_ms'))), unit: 'ms' });
  }
}

// 3. batch generation
const batchSkip = pick({ scenario: 'batch' }).find((r) => r.skipped);
if (batchSkip) row('batch generation', 'share of ideal', { skipped: batchSkip.skipped });
else if (pick({ scenario: 'batch' }).length) {
  const b = (f) => rounds({ scenario: 'batch' }, f);
  row('batch generation', 'wall time', { concierge: stat(b('wall_ms')), reference: stat(b('ideal_ms')), unit: 'ms', judged: 'none' });
  row('batch generation', 'share of ideal', { ratio: stat(b('share')), target: { op: '>=', value: 0.9 } });
  row('batch generation', 'overhead per job', { concierge: stat(b('overhead_ms_per_job')), unit: 'ms', judged: 'none' });
}

// 4. resources
const rss = rounds({ scenario: 'resources', op: 'peak_rss' }, 'peak_rss_mib');
if (rss.length) row('resources', 'peak RSS in scenario 1', { concierge: stat(rss), target: { op: '<=', value: 384 }, unit: 'MiB', judged: 'concierge' });
const su = rounds({ scenario: 'resources', op: 'startup_embedded' }, 'startup_ms');
if (su.length) row('resources', 'start-up, embedded DB, warm DATA_DIR', { concierge: stat(su), target: { op: '<=', value: 3000 }, unit: 'ms', judged: 'concierge' });
const sx = rounds({ scenario: 'resources', op: 'startup_external' }, 'startup_ms');
if (sx.length) row('resources', 'start-up, external DB', { concierge: stat(sx), target: { op: '<=', value: 3000 }, unit: 'ms', judged: 'concierge' });
const cpu = rounds({ scenario: 'resources', op: 'startup_external' }, 'cpu_ms').filter((x) => x !== undefined);
if (cpu.length) row('resources', 'start-up JVM CPU time, external DB', { concierge: stat(cpu), unit: 'ms', judged: 'none' });

// ---- output
const num = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const cell = (s) => (s ? (s.n > 1 ? `${num(s.median)} [${num(s.min)}–${num(s.max)}]` : num(s.median)) : '');
const ratioCell = (s) => (s ? (s.n > 1 ? `${num(s.median)}× [${num(s.min)}–${num(s.max)}]` : `${num(s.median)}×`) : '');
const targetCell = (r) => (r.target ? `${r.target.op === '>=' ? '≥' : '≤'} ${r.target.value}${r.judged === 'ratio' ? '×' : ` ${r.unit}`}` : '');
const metCell = (r) => (r.skipped ? (r.skipped.startsWith('failed') ? 'NO' : 'skipped') : r.met === null ? '' : r.met ? 'yes' : 'NO');
const header = ['scenario', 'metric', 'Concierge', 'reference', 'ratio', 'target', 'met'];
const lines = rows.map((r) => r.skipped
  ? [r.scenario, r.metric, r.skipped.startsWith('failed') ? r.skipped : `skipped: ${r.skipped}`, '', '', '', metCell(r)]
  : [r.scenario, `${r.metric}${r.unit ? ` (${r.unit})` : ''}`, cell(r.concierge), cell(r.reference), ratioCell(r.ratio), targetCell(r), metCell(r)]);
const table = [header, header.map(() => '---'), ...lines].map((l) => `| ${l.join(' | ')} |`).join('\n');
console.log(`\nConcierge bench — median [min–max] of ${run.repeats} runs; reference = Express peer (favourites), sim-llm directly (chat), ideal N×latency/C (batch)\n`);
console.log(table);
console.log(`\nJVM: ${run.java} ${run.java_opts}; ${run.cpus} CPUs, load average at end ${run.load_average_at_end}\n`);

writeFileSync(jsonPath, JSON.stringify({ run, rows, raw }, null, 2) + '\n');
const tsv = rows.map((r) => [
  `${r.scenario}: ${r.metric}`, r.skipped ? 'skipped' : r.judged === 'ratio' ? 'ratio' : r.unit,
  ...(r.skipped ? ['', '', ''] : (() => { const s = r.judged === 'ratio' ? r.ratio : r.concierge; return s ? [s.median, s.min, s.max] : ['', '', '']; })()),
  r.target ? r.target.op : '', r.target ? r.target.value : '', r.skipped ? `skipped: ${r.skipped}` : r.met === null ? '' : r.met ? 'met' : 'not met',
].join('\t'));
writeFileSync(tsvPath, `${run.finished_at}\t${run.java_opts}\t${run.load_average_at_end}\n${tsv.join('\n')}\n`);
