// What the bench needs from Concierge's OpenAPI document: whether operations exist, and request bodies that fit them.
export async function openApi(base) {
  const res = await fetch(`${base}/api/openapi.json`);
  if (!res.ok) throw new Error(`GET /api/openapi.json answered ${res.status}`);
  return res.json();
}

export function has(doc, method, path) { return Boolean(doc.paths?.[path]?.[method]); }

/** The operations missing from the document, as "METHOD path". */
export function missing(doc, operations) {
  return operations.filter(([method, path]) => !has(doc, method, path)).map(([m, p]) => `${m.toUpperCase()} ${p}`);
}

function resolve(schema, doc) {
  while (schema?.$ref) schema = schema.$ref.replace(/^#\//, '').split('/').reduce((s, k) => s?.[k], doc);
  return schema ?? {};
}

/** A JSON request body for METHOD path built from its schema; `given` wins for the fields it names. */
export function body(doc, method, path, given = {}) {
  const op = doc.paths[path][method];
  const schema = resolve(op.requestBody?.content?.['application/json']?.schema, doc);
  return { ...synth(schema, doc, 'root', 0), ...given };
}

function synth(schema, doc, name, depth) {
  schema = resolve(schema, doc);
  if (depth > 6) return null;
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const alt = schema.oneOf || schema.anyOf;
  if (alt) return synth(alt.find((a) => resolve(a, doc).type !== 'null') ?? alt[0], doc, name, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'object': {
      const out = {};
      const required = new Set(schema.required ?? []);
      for (const [k, v] of Object.entries(schema.properties ?? {})) if (required.has(k)) out[k] = synth(v, doc, k, depth + 1);
      return out;
    }
    case 'array': return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => synth(schema.items ?? {}, doc, name, depth + 1));
    case 'integer': case 'number': return Math.max(1, schema.minimum ?? 1);
    case 'boolean': return false;
    default:
      if (schema.format === 'date') return new Date(Date.now() + 30 * 86400e3).toISOString().slice(0, 10);
      if (schema.format === 'date-time') return new Date(Date.now() + 30 * 86400e3).toISOString();
      return `bench ${name}`.slice(0, Math.max(1, schema.maxLength ?? 100));
  }
}

export async function call(base, method, path, json, headers = {}) {
  const res = await fetch(`${base}${path}`, {
    method: method.toUpperCase(), headers: { 'content-type': 'application/json', ...headers },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
export const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
