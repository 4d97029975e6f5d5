// Saves in Concierge the same 200 favourites the Express peer seeds itself with; prints "firstId lastId".
const base = process.argv[2];
const ids = [];
for (let i = 0; i < 200; i++) {
  const res = await fetch(`${base}/api/favourites`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: i % 2 ? 'quote' : 'horoscope', content: `content number ${i} `.repeat(5), author: `author ${i % 17}` }),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST /api/favourites answered ${res.status}: ${await res.text()}`);
  ids.push((await res.json()).id);
}
ids.sort((a, b) => a - b);
if (ids[ids.length - 1] - ids[0] !== ids.length - 1) throw new Error(`favourite ids are not contiguous: ${ids[0]}..${ids[ids.length - 1]}`);
console.log(`${ids[0]} ${ids[ids.length - 1]}`);
