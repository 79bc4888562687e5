/**
 * Stripe's v1 API takes application/x-www-form-urlencoded bodies (and query strings) with bracket
 * notation: `metadata[plan]=pro`, `expand[]=latest_charge`, `payment_method_types[0]=card`.
 */
export type ParamValue = string | ParamValue[] | Params;
export interface Params {
  [key: string]: ParamValue;
}

function decode(part: string): string {
  return decodeURIComponent(part.replace(/\+/g, ' '));
}

function keyPath(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const path = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(key.slice(open))) !== null) path.push(match[1]);
  return path;
}

type Tree = { [key: string]: Tree | string };

function assign(tree: Tree, path: string[], value: string): void {
  let node = tree;
  for (let i = 0; i < path.length; i += 1) {
    const last = i === path.length - 1;
    // `a[]` appends: give it the next free index.
    const segment = path[i] === '' ? String(Object.keys(node).length) : path[i];
    if (last) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next !== 'object') node[segment] = {};
    node = node[segment] as Tree;
  }
}

function normalise(node: Tree | string, parentKey: string): ParamValue {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  const indexed = parentKey !== 'metadata' && keys.length > 0 && keys.every((k) => /^\d+$/.test(k));
  if (indexed) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => normalise(node[k], k));
  }
  const out: Params = {};
  for (const key of keys) out[key] = normalise(node[key], key);
  return out;
}

export function parseForm(body: string): Params {
  const tree: Tree = {};
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    assign(tree, keyPath(decode(rawKey)), decode(rawValue));
  }
  return normalise(tree, '') as Params;
}

/** A stable text for comparing two requests' parameters (idempotency). */
export function canonical(value: ParamValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
    .join(',')}}`;
}
