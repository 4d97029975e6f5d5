// Scenario 2: time to first token through Concierge's SSE chat endpoint vs straight from the simulated LLM.
// Prints raw result lines (JSON) for report.mjs. Usage: node chat.mjs CONCIERGE_URL SIM_URL REPEATS
import { openApi, body, call, median, percentile } from './api.mjs';

const [base, sim, repeatsArg] = process.argv.slice(2);
const REPEATS = Number(repeatsArg);
// Waves per round: each wave sends CONVERSATIONS turns at once, to Concierge and then straight to the model, so both
// sides meet the same concurrency and the same machine load.
const SAMPLES = Number(process.env.BENCH_CHAT_WAVES ?? 20);
const CONVERSATIONS = Number(process.env.BENCH_CHAT_CONVERSATIONS ?? 50);
// Turns before measuring: a turn runs code no other scenario warms (the claim, the model client, the stream), and a
// server in use has long since compiled it; the JIT compiles code run once per turn only after thousands of turns.
const WARMUP = Number(process.env.BENCH_CHAT_WARMUP ?? 2000);
const WARMUP_LANES = CONVERSATIONS;
const TURNS_PER_CONVERSATION = 5;
const out = (o) => console.log(JSON.stringify({ scenario: 'chat', ...o }));
// A scenario that breaks (an API shaped differently than expected, a failing model) becomes a row saying so; the
// rest of the bench still runs and reports.
process.on('uncaughtException', (e) => { out({ skipped: `failed: ${String(e.message ?? e).slice(0, 200)}` }); process.exit(0); });
process.on('unhandledRejection', (e) => { out({ skipped: `failed: ${String(e?.message ?? e).slice(0, 200)}` }); process.exit(0); });

const doc = await openApi(base);
const find = (method, re) => Object.keys(doc.paths ?? {}).find((p) => re.test(p) && doc.paths[p][method]);
const trips = find('post', /^\/api\/trips$/);
const conversations = find('post', /^\/api\/trips\/\{[^}]+\}\/conversations$/);
const messages = find('post', /^\/api\/conversations\/\{[^}]+\}\/messages$/);
if (!trips || !conversations || !messages) {
  const absent = [[trips, 'POST /api/trips'], [conversations, 'POST /api/trips/{id}/conversations'], [messages, 'POST /api/conversations/{id}/messages']]
    .filter(([p]) => !p).map(([, n]) => n);
  out({ skipped: `endpoint not available (${absent.join(', ')})` });
  process.exit(0);
}
const fill = (template, id) => template.replace(/\{[^}]+\}/, encodeURIComponent(id));

const trip = await call(base, 'post', trips, body(doc, 'post', trips, { title: 'Bench trip' }));
// A lane is one client sending turns one after another, a fresh conversation every TURNS_PER_CONVERSATION turns.
function lane() {
  let conversation = null;
  let turns = 0;
  return async () => {
    if (!conversation || turns++ % TURNS_PER_CONVERSATION === 0) {
      conversation = await call(base, 'post', fill(conversations, trip.id), body(doc, 'post', conversations, { title: 'Bench' }));
    }
    return conversation.id;
  };
}
const measured = lane();

// The first SSE event that carries answer text: unnamed events or ones named like a token; meta events are skipped.
const TOKEN_EVENTS = new Set(['token', 'delta', 'chunk', 'text', 'content', 'partial', 'message']);
async function concierge(text, conversationId = measured) {
  const path = fill(messages, await conversationId());
  const payload = body(doc, 'post', messages);
  const field = Object.keys(payload).find((k) => typeof payload[k] === 'string') ?? 'content';
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ ...payload, [field]: text }) });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  let first = null;
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end;
    while (first === null && (end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const name = (event.match(/^event:\s*(.*)$/m) ?? [])[1]?.trim();
      const data = event.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
      if (data && (!name || TOKEN_EVENTS.has(name))) first = performance.now() - started;
    }
  }
  if (first === null) throw new Error(`POST ${path} streamed no token event`);
  return first;
}

async function direct(text) {
  const started = performance.now();
  const res = await fetch(`${sim}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'qwen2.5:7b', stream: true, messages: [{ role: 'user', content: text }] }) });
  let first = null;
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk, { stream: true });
    let nl;
    while (first === null && (nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.trim() && JSON.parse(line).message?.content) first = performance.now() - started;
    }
  }
  return first;
}

for (let i = 0; i < 5; i++) await direct('Warm-up question');
await Promise.all(Array.from({ length: WARMUP_LANES }, async () => {
  const own = lane();
  for (let i = 0; i < WARMUP / WARMUP_LANES; i++) await concierge('Warm-up question', own);
}));
const lanes = Array.from({ length: CONVERSATIONS }, () => lane());
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Steady: CONVERSATIONS people chatting at once, each sending a message, reading the streamed answer, then pausing
// (THINK_MS on average, uniform 0.5–1.5×) before the next; starts spread over one pause. This is the load the target
// is judged on. A burst (all CONVERSATIONS messages in the same millisecond) is measured too and reported apart.
const THINK_MS = Number(process.env.BENCH_CHAT_THINK_MS ?? 1000);
const STEADY_S = Number(process.env.BENCH_CHAT_STEADY_S ?? 10);
async function steady(send, round, side) {
  const until = performance.now() + STEADY_S * 1000;
  const xs = [];
  await Promise.all(lanes.map(async (own, k) => {
    await sleep(Math.random() * THINK_MS);
    for (let i = 0; performance.now() < until; i++) {
      xs.push(await send(`Which hotel is near the customer office? (${side}.${round}.${k}.${i})`, own));
      await sleep(THINK_MS * (0.5 + Math.random()));
    }
  }));
  return xs;
}
for (let round = 1; round <= REPEATS; round++) {
  const c = []; const d = [];
  for (let i = 0; i < SAMPLES; i++) { // interleaved waves, so both sides see the same machine load
    d.push(...await Promise.all(lanes.map((_, k) => direct(`Which hotel is near the customer office? (${round}.${i}.${k})`))));
    c.push(...await Promise.all(lanes.map((own, k) => concierge(`Which hotel is near the customer office? (${round}.${i}.${k})`, own))));
  }
  for (const [side, xs] of [['concierge', c], ['direct', d]]) {
    out({ op: 'ttft-burst', side, round, result: { p50_ms: median(xs), p99_ms: percentile(xs, 99), samples: xs.length, conversations: CONVERSATIONS } });
  }
  // The two sides alternate which goes first, so neither always meets a machine still busy with the other.
  const order = round % 2 ? [['direct', (t) => direct(t)], ['concierge', concierge]] : [['concierge', concierge], ['direct', (t) => direct(t)]];
  for (const [side, send] of order) {
    const xs = await steady(send, round, side);
    out({ op: 'ttft', side, round, result: { p50_ms: median(xs), p99_ms: percentile(xs, 99), samples: xs.length, conversations: CONVERSATIONS, think_ms: THINK_MS } });
  }
}
