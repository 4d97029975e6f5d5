// Scenario 3: a batch of N test cases generated at concurrency C against the simulated LLM, as a share of the ideal
// N x (one generation's latency) / C. One generation's latency is measured by replaying, straight to the simulator,
// the very request Concierge sent it. Usage: node batch.mjs CONCIERGE_URL SIM_URL REPEATS N C
import { openApi, body, call, median } from './api.mjs';

const [base, sim, repeatsArg, nArg, cArg] = process.argv.slice(2);
const [REPEATS, N, C] = [Number(repeatsArg), Number(nArg), Number(cArg)];
const out = (o) => console.log(JSON.stringify({ scenario: 'batch', ...o }));
// A scenario that breaks (an API shaped differently than expected, a failing model) becomes a row saying so; the
// rest of the bench still runs and reports.
process.on('uncaughtException', (e) => { out({ skipped: `failed: ${String(e.message ?? e).slice(0, 200)}` }); process.exit(0); });
process.on('unhandledRejection', (e) => { out({ skipped: `failed: ${String(e?.message ?? e).slice(0, 200)}` }); process.exit(0); });

const doc = await openApi(base);
const find = (method, re) => Object.keys(doc.paths ?? {}).find((p) => re.test(p) && doc.paths[p][method]);
const suites = find('post', /^\/api\/suites$/);
const testCases = find('post', /^\/api\/suites\/\{[^}]+\}\/test-cases$/);
const imports = find('post', /^\/api\/suites\/\{[^}]+\}\/imports$/);
const batches = find('post', /^\/api\/suites\/\{[^}]+\}\/batches$/);
const batch = find('get', /^\/api\/batches\/\{[^}]+\}$/);
if (!suites || !(testCases || imports) || !batches || !batch) {
  const absent = [[suites, 'POST /api/suites'], [testCases || imports, 'POST /api/suites/{id}/test-cases or /imports'],
    [batches, 'POST /api/suites/{id}/batches'], [batch, 'GET /api/batches/{id}']].filter(([p]) => !p).map(([, n]) => n);
  out({ skipped: `endpoint not available (${absent.join(', ')})` });
  process.exit(0);
}
const fill = (template, id) => template.replace(/\{[^}]+\}/, encodeURIComponent(id));

async function suiteWith(n, label) {
  const suite = await call(base, 'post', suites, body(doc, 'post', suites, { name: `Bench ${label} ${Date.now()}` }));
  if (testCases) {
    for (let i = 0; i < n; i++) {
      await call(base, 'post', fill(testCases, suite.id), body(doc, 'post', testCases, {
        key: `TC-${label}-${i}`, title: `Log in with a valid password ${label}-${i}`, preconditions: 'A registered user exists.',
        expectedResult: 'The dashboard shows the user name.' }));
    }
  } else {
    const csv = ['title,preconditions,expectedResult',
      ...Array.from({ length: n }, (_, i) => `Log in with a valid password ${label}-${i},A registered user exists.,The dashboard shows the user name.`)].join('\n');
    const res = await fetch(`${base}${fill(imports, suite.id)}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    if (!res.ok) throw new Error(`CSV import answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }
  return suite;
}

// BatchProgress: total, finished (succeeded + failed + cancelled), done, counts per job state.
const counts = (b) => ({ total: b.total, finished: b.finished ?? 0, failed: b.counts?.failed ?? 0 });
async function runBatch(n, label) {
  const suite = await suiteWith(n, label);
  const started = performance.now();
  const created = await call(base, 'post', fill(batches, suite.id), body(doc, 'post', batches));
  for (;;) {
    const b = await call(base, 'get', fill(batch, created.id));
    const { total, finished, failed } = counts(b);
    if (b.done === true || (total && finished >= total)) {
      if (failed) throw new Error(`batch ${created.id} finished with ${failed} failed generations`);
      return performance.now() - started;
    }
    if (performance.now() - started > 600_000) throw new Error(`batch ${created.id} did not finish in 10 minutes`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// Warm-up (also captures the request Concierge sends the model), then one generation's latency straight from the simulator.
await fetch(`${sim}/sim/reset`);
await runBatch(C, 'warm-up');
const stats = await (await fetch(`${sim}/sim/stats`)).json();
const sent = stats.lastBodies.filter((b) => b.path === '/api/chat' || b.path === '/v1/chat/completions').at(-1);
if (!sent) throw new Error('Concierge sent the simulated LLM no chat request during the warm-up batch');
const latencies = [];
for (let i = 0; i < 10; i++) {
  const started = performance.now();
  const res = await fetch(`${sim}${sent.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sent.body) });
  await res.text();
  latencies.push(performance.now() - started);
}
const jobMs = median(latencies);
for (let round = 1; round <= REPEATS; round++) {
  const wall = await runBatch(N, `round-${round}`);
  const ideal = (N * jobMs) / C;
  out({ op: 'batch', side: 'concierge', round, result: { n: N, c: C, job_ms: jobMs, wall_ms: wall, ideal_ms: ideal, share: ideal / wall, overhead_ms_per_job: ((wall - ideal) * C) / N } });
}
