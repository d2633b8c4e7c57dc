import { PyDate, PyDict, PyOpaque, PyTuple, type PyValue, pythonStr } from './pyyaml/py-values.js';

/**
 * The front matter as the rules read it, from the values the hub's PyYAML made: text, numbers,
 * booleans, null, lists and mappings. A date keeps the text it was written as (the rules check its
 * form); an int beyond 2^53 becomes the nearest number; a key that is not text is named as Python's
 * `str()` names it (`True`, `1.1`). Values that are not plain data are refused, with the reason.
 */
export function frontMatterData(
  value: PyDict,
  maxDepth: number,
): { ok: true; data: Record<string, unknown> } | { ok: false; reason: string } {
  const refused = checkShape(value, maxDepth);
  if (refused) return { ok: false, reason: refused };
  return { ok: true, data: ruleValue(value) as Record<string, unknown> };
}

/**
 * One value as the rules read it. A collection shared through an alias stays one shared value, as
 * in Python (so an alias bomb is not expanded), and one that holds itself holds itself here too.
 */
export function ruleValue(value: PyValue, made = new Map<object, unknown>()): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof PyDate) return value.written;
  if (Array.isArray(value)) {
    const known = made.get(value);
    if (known !== undefined) return known;
    const list: unknown[] = [];
    made.set(value, list);
    for (const item of value) list.push(ruleValue(item, made));
    return list;
  }
  if (value instanceof PyDict) {
    const known = made.get(value);
    if (known !== undefined) return known;
    const object: Record<string, unknown> = {};
    made.set(value, object);
    for (let index = 0; index < value.keys.length; index++) {
      const key = value.keys[index] as PyValue;
      const name = typeof key === 'string' ? key : pythonStr(key);
      // A key `__proto__` is data here, never the object's prototype.
      Object.defineProperty(object, name, {
        value: ruleValue(value.values[index] as PyValue, made),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }
  return value;
}

/** Why the value is not plain data, or undefined when it is. */
function checkShape(root: PyValue, maxDepth: number): string | undefined {
  const seen = new Set<object>();
  const stack: Array<{ value: PyValue; depth: number }> = [{ value: root, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: PyValue; depth: number };
    if (value instanceof Uint8Array || value instanceof PyTuple || value instanceof PyOpaque)
      return 'it holds a value that is not plain data (binary, a tuple, a set or a complex number)';
    const children = Array.isArray(value)
      ? value
      : value instanceof PyDict
        ? [...value.keys, ...value.values]
        : undefined;
    if (!children) continue;
    if (seen.has(value as object)) return 'it reuses a collection through a YAML anchor and alias';
    seen.add(value as object);
    if (depth > maxDepth) return `it is nested more than ${maxDepth} levels deep`;
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return undefined;
}
