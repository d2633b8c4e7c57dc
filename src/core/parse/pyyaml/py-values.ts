/**
 * Values as Python holds them after `yaml.load(..., Loader=yaml.FullLoader)`, where JavaScript has
 * no exact match: an int is a bigint (Python's are unbounded, and `1` is not `1.0`), a float a
 * number, a dict keeps Python's key equality (`1`, `1.0` and `True` are one key), a date keeps the
 * text Python's `str()` gives it.
 */
export type PyValue =
  | null
  | boolean
  | bigint
  | number
  | string
  | Uint8Array
  | PyDate
  | PyTuple
  | PyOpaque
  | PyValue[]
  | PyDict;

/** `datetime.date` or `datetime.datetime`. */
export class PyDate {
  constructor(
    /** What Python's `str()` gives: `2024-01-01`, `2024-01-01 10:00:00+08:00`. */
    readonly python: string,
    /** The scalar as written in the file. */
    readonly written: string,
    readonly hasTime: boolean,
  ) {}

  toString(): string {
    return this.python;
  }
}

/** A `!!python/tuple`: hashable, unlike a list. */
export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}

/** A Python object with no plain data equivalent (`!!set`, `!!python/complex`); never a hub value. */
export class PyOpaque {
  constructor(
    readonly type: 'set' | 'complex',
    readonly items: PyValue[],
  ) {}
}

/** A Python dict: insertion order, Python's key equality, the last value written for a key kept. */
export class PyDict {
  private readonly index = new Map<string, number>();
  readonly keys: PyValue[] = [];
  readonly values: PyValue[] = [];

  /** Python's `mapping[key] = value`: an equal key keeps its first spelling and takes the new value. */
  set(key: PyValue, value: PyValue): void {
    const hash = hashKey(key);
    const at = this.index.get(hash);
    if (at === undefined) {
      this.index.set(hash, this.keys.length);
      this.keys.push(key);
      this.values.push(value);
    } else {
      this.values[at] = value;
    }
  }

  get(key: PyValue): PyValue | undefined {
    const at = this.index.get(hashKey(key));
    return at === undefined ? undefined : this.values[at];
  }

  has(key: PyValue): boolean {
    return this.index.has(hashKey(key));
  }

  get size(): number {
    return this.keys.length;
  }
}

let nanCount = 0;
const nanIds = new WeakMap<object, number>();

/** Equal for keys Python's dict takes as equal; only called for hashable values. */
function hashKey(key: PyValue): string {
  if (key === null) return 'None';
  if (typeof key === 'string') return `s${key}`;
  if (typeof key === 'boolean') return key ? 'n1' : 'n0';
  if (typeof key === 'bigint') return `n${key}`;
  if (typeof key === 'number') {
    if (Number.isNaN(key)) return `nan${nanCount++}`;
    if (Number.isInteger(key)) return `n${BigInt(key)}`;
    return `n${key}`;
  }
  if (key instanceof Uint8Array) return `b${Buffer.from(key).toString('hex')}`;
  if (key instanceof PyDate) return `d${key.python}`;
  if (key instanceof PyTuple) return `t${JSON.stringify(key.items.map(hashKey))}`;
  let id = nanIds.get(key as object);
  if (id === undefined) {
    id = nanCount++;
    nanIds.set(key as object, id);
  }
  return `o${id}`;
}

/** Python's `collections.abc.Hashable` for the values a YAML load can make. */
export function isHashable(value: PyValue): boolean {
  if (value instanceof PyTuple) return value.items.every(isHashable);
  return !(Array.isArray(value) || value instanceof PyDict || value instanceof PyOpaque);
}

/** Python's `str(value)`, which the hub's extra-colon check searches for `:`. */
export function pythonStr(value: PyValue): string {
  if (value === null) return 'None';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return pythonFloatRepr(value);
  if (value instanceof PyDate) return value.python;
  return pythonRepr(value);
}

function pythonRepr(value: PyValue): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (value instanceof PyDict)
    return `{${value.keys.map((key, index) => `${pythonRepr(key)}: ${pythonRepr(value.values[index] ?? null)}`).join(', ')}}`;
  if (value instanceof PyTuple)
    return `(${value.items.map(pythonRepr).join(', ')}${value.items.length === 1 ? ',' : ''})`;
  if (value instanceof PyDate) return `datetime(${value.python})`;
  if (value instanceof Uint8Array) return `b'${Buffer.from(value).toString('latin1')}'`;
  if (value instanceof PyOpaque) return `${value.type}(${value.items.map(pythonRepr).join(', ')})`;
  return pythonStr(value);
}

/** Python's `repr(float)`: the shortest text that reads back, always with a `.` or an exponent. */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Number.POSITIVE_INFINITY) return 'inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  if (Object.is(value, -0)) return '-0.0';
  const abs = Math.abs(value);
  if (abs >= 1e16 || (abs !== 0 && abs < 1e-4)) {
    const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  const text = String(value);
  return text.includes('.') ? text : `${text}.0`;
}
