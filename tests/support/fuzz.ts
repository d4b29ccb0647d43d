// A small deterministic input generator for the fuzz suite (tests/security/fuzz.int.test.ts): a
// seeded PRNG, a walker over zod 4 schemas that builds valid-looking inputs (with real ids from the
// database where a field's name says what it holds), and a pool of hostile values (NUL and control
// characters, RTL and combining marks, 1 MB strings, huge and odd numbers, dates outside any sane
// window, deep nesting, unknown ids, wrong types, prototype keys) spliced into those inputs.
import type { z } from "zod";

/** mulberry32: a tiny, fast PRNG whose whole state is one 32-bit number. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts: one seed per (run seed, role, procedure), so each replays on its own. */
export function seedOf(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join("\u241f")) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  uuid(): string {
    const hex = () => this.int(0, 15).toString(16);
    const part = (n: number) => Array.from({ length: n }, hex).join("");
    return `${part(8)}-${part(4)}-4${part(3)}-${this.pick(["8", "9", "a", "b"])}${part(3)}-${part(12)}`;
  }
  text(min: number, max: number): string {
    const words = [
      "hola",
      "olá",
      "bonjour",
      "hello",
      "servidor",
      "correo",
      "ça",
      "ñandú",
      "VPS",
      "DNS",
      "ticket",
      "factura",
      "urgente",
      "42",
      "😀",
      "日本語",
    ];
    let s = "";
    const target = this.int(Math.max(min, 1), Math.max(Math.min(max, 60), min, 1));
    while (s.length < target) s += (s ? " " : "") + this.pick(words);
    return s.slice(0, Math.max(target, min));
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile values.

const deep = (depth: number, leaf: unknown, wrap: (inner: unknown) => unknown) => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
};
const MB = 1 << 20;
const oneMb = "a".repeat(MB);
const oneMbAccents = "é".repeat(MB / 2);
const oneMbWithNul = `${"b".repeat(MB - 1)}\u0000`;
const wideObject = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
const longArray = Array.from({ length: 10_000 }, (_, i) => `x${i}`);
const protoPollution = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown;

/** Strings: NUL, other controls, bidi and combining marks, invisible ones, lone surrogates, sizes. */
export const hostileStrings: readonly string[] = [
  "\u0000",
  "a\u0000b",
  "TK-000001\u0000",
  "\u0000".repeat(64),
  oneMbWithNul,
  "\u0001\u0002\u0007\u0008",
  "\u000b\u000c",
  "\u001b[31mred\u001b[0m",
  "\u007f",
  "tab\there",
  "line\nbreak",
  "cr\r\nlf",
  "\u0085next line",
  "\u202Egnp.exe\u202C",
  "\u202Bעברית\u202C",
  "مرحبا بالعالم",
  "\u2066isolate\u2069",
  "Z\u0335\u0321\u0327\u031b\u0316\u032e\u0318\u0354a\u0335l\u0338g\u0336o",
  "e" + "\u0301".repeat(500),
  "\uFEFFbom",
  "\u200B\u200C\u200D",
  "\uD800",
  "x\uDFFF",
  "👩‍👩‍👧‍👦".repeat(40),
  "\u2028\u2029",
  oneMb,
  oneMbAccents,
  " ".repeat(10_000),
  "x".repeat(65),
  "x".repeat(201),
  "x".repeat(2_001),
  "x".repeat(5_001),
  "x".repeat(50_001),
  "",
  " ",
  "null",
  "undefined",
  "NaN",
  "true",
  "[]",
  "{}",
  "' OR 1=1 --",
  '"; DROP TABLE "User"; --',
  "%00",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "0",
  "-1",
  "2147483647",
  "2147483648",
  "-2147483649",
  "9007199254740993",
  "1e400",
  " 42 ",
  "0x10",
  "٣",
  "0000-01-01",
  "0001-01-01",
  "1969-12-31",
  "9999-12-31",
  "10000-01-01",
  "2024-02-30",
  "2024-13-01",
  "not a date",
  "+275760-09-13T00:00:00.000Z",
  "-271821-04-20T00:00:00.000Z",
  "0000-01-01T00:00:00Z",
  "2024-01-01T25:61:00Z",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF",
  "123e4567-e89b-12d3-a456-426614174000\u0000",
  "not-a-uuid",
  "TK-999999999",
  "TK-2147483648",
  "tk-0",
  "TK-00000000000000000000001",
];

export const hostileNumbers: readonly unknown[] = [
  0,
  -0,
  -1,
  1,
  1.5,
  -1.5,
  0.1,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 31 + 1,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e308,
  -1e308,
  NaN,
  Infinity,
  -Infinity,
  10n,
  2n ** 64n,
  -1n,
];

export const hostileDates: readonly unknown[] = [
  new Date(NaN),
  new Date(0),
  new Date(-1),
  new Date("0000-01-01T00:00:00Z"),
  new Date("-004713-01-01T00:00:00Z"),
  new Date("+010000-01-01T00:00:00Z"),
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date(Date.UTC(2200, 11, 31, 23, 59, 59)),
  new Date(Date.UTC(2201, 0, 1)),
];

export const hostileOther: readonly unknown[] = [
  true,
  false,
  null,
  undefined,
  [],
  [null],
  [1, 2, 3],
  ["a\u0000"],
  longArray,
  {},
  { a: 1 },
  { toString: "x", valueOf: 1 },
  protoPollution,
  wideObject,
  deep(500, "x", (v) => ({ a: v })),
  deep(500, "x", (v) => [v]),
  deep(40, "\u0000", (v) => ({ n: v })),
  new Map([["a", 1]]),
  new Set([1]),
];

export const hostileValues: readonly unknown[] = [...hostileStrings, ...hostileNumbers, ...hostileDates, ...hostileOther];

// ---------------------------------------------------------------------------------------------
// The schema walker.

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => ((def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);
const isOptional = (schema: unknown) => (schema as { _zod: { optin?: string } })._zod.optin === "optional";

/** Valid-looking values by field name (ids from the database, well-formed special fields). A hint
 * answers undefined to fall back to the schema. */
export type Hints = Record<string, (rng: Rng, path: string) => unknown>;

export interface GenerateOptions {
  hints: Hints;
  /** The procedure's path, for hints that depend on it (e.g. `id` of a calendar or of a rule). */
  procedure: string;
  now: Date;
}

export function validValue(schema: unknown, rng: Rng, options: GenerateOptions, key = "", depth = 0): unknown {
  const def = defOf(schema);
  const hint = key ? options.hints[key] : undefined;
  if (hint && !["optional", "nullable", "default", "prefault"].includes(def.type)) {
    const hinted = hint(rng, options.procedure);
    if (hinted !== undefined) return hinted;
  }
  if (depth > 20) return undefined;
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(shape)) {
        if (isOptional(s) && rng.chance(0.3)) continue;
        const v = validValue(s, rng, options, k, depth + 1);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case "string":
      return validString(def, rng, options);
    case "number": {
      let lo = -1000;
      let hi = 1000;
      let int = false;
      for (const c of checksOf(def)) {
        if (c.check === "greater_than") lo = Math.max(lo, Number(c.value) + (c.inclusive ? 0 : 1));
        if (c.check === "less_than") hi = Math.min(hi, Number(c.value) - (c.inclusive ? 0 : 1));
        if (c.check === "number_format") int = true;
      }
      if (lo < 0 && hi > 0) lo = 1;
      const n = rng.int(lo, Math.max(lo, hi));
      return int ? n : n + (rng.chance(0.3) ? 0.5 : 0);
    }
    case "boolean":
      return rng.chance(0.5);
    case "enum":
      return rng.pick(Object.values(def.entries as Record<string, unknown>));
    case "literal":
      return rng.pick(def.values as unknown[]);
    case "array": {
      let min = 0;
      let max = 3;
      for (const c of checksOf(def)) {
        if (c.check === "min_length") min = Number(c.minimum);
        if (c.check === "max_length") max = Math.min(max, Number(c.maximum));
      }
      const length = rng.int(min, Math.max(min, max));
      const items = Array.from({ length }, () => validValue(def.element, rng, options, `${key}[]`, depth + 1));
      return items.filter((v) => v !== undefined);
    }
    case "optional":
      return rng.chance(0.2) ? undefined : validValue(def.innerType, rng, options, key, depth + 1);
    case "nullable":
      return rng.chance(0.2) ? null : validValue(def.innerType, rng, options, key, depth + 1);
    case "default":
    case "prefault":
      return rng.chance(0.25) ? undefined : validValue(def.innerType, rng, options, key, depth + 1);
    case "nonoptional":
    case "readonly":
    case "catch":
      return validValue(def.innerType, rng, options, key, depth + 1);
    case "pipe":
      return validValue(def.in, rng, options, key, depth + 1);
    case "union":
      return validValue(rng.pick(def.options as unknown[]), rng, options, key, depth + 1);
    case "intersection":
      return {
        ...(validValue(def.left, rng, options, key, depth + 1) as object),
        ...(validValue(def.right, rng, options, key, depth + 1) as object),
      };
    case "lazy":
      return validValue((def.getter as () => unknown)(), rng, options, key, depth + 1);
    case "date":
      return new Date(+options.now + rng.int(1, 30 * 24) * 3_600_000);
    case "bigint":
      return BigInt(rng.int(1, 1000));
    case "record":
      return {};
    default:
      return undefined;
  }
}

function validString(def: Def, rng: Rng, options: GenerateOptions): string {
  switch (def.format) {
    case "uuid":
    case "guid":
      return rng.uuid();
    case "email":
      return `fuzz-${rng.int(0, 1e9)}@example.test`;
    case "date":
      return new Date(+options.now - rng.int(0, 400) * 864e5).toISOString().slice(0, 10);
    case "datetime":
      return new Date(+options.now + rng.int(1, 400) * 864e5).toISOString();
  }
  let min = 0;
  let max = 200;
  for (const c of checksOf(def)) {
    if (c.check === "min_length") min = Number(c.minimum);
    if (c.check === "max_length") max = Number(c.maximum);
    if (c.check === "length_equals") min = max = Number(c.length);
  }
  return rng.text(min, max);
}

// ---------------------------------------------------------------------------------------------
// Mixing hostile values into valid-looking inputs.

type Path = (string | number)[];

/** Every place in a generated value where something could be replaced (leaves and containers). */
function placesOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => placesOf(v, [...path, i], out));
  else if (value && typeof value === "object" && !(value instanceof Date))
    for (const [k, v] of Object.entries(value)) placesOf(v, [...path, k], out);
  return out;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], root);
}

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (!path.length) return value;
  const clone = Array.isArray(root) ? [...root] : { ...(root as object) };
  const [head, ...rest] = path;
  const target = clone as Record<string | number, unknown>;
  if (!rest.length && remove) delete target[head!];
  else target[head!] = setAt(target[head!], rest, value, remove);
  return clone;
}

/** The strings PostgreSQL refuses or that no one types: tried most often on text fields. */
const refusedByDatabase = hostileStrings.filter(
  (s) =>
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s) || /[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, "")),
);

/** A hostile value for the place of `current`: mostly of its own type (so the rest of the input
 * stays valid and the value goes as far as it can), sometimes of any type. */
export function hostileFor(current: unknown, rng: Rng): unknown {
  if (rng.chance(0.25)) return hostileValue(rng);
  if (typeof current === "string")
    return rng.chance(0.4)
      ? rng.pick(refusedByDatabase)
      : rng.chance(0.2)
        ? `${current}${rng.pick(refusedByDatabase)}`
        : rng.pick(hostileStrings);
  if (typeof current === "number")
    return rng.chance(0.8) ? rng.pick(hostileNumbers) : rng.pick(hostileStrings.filter((s) => /^[-+\d\s.e]+$/i.test(s)));
  if (current instanceof Date)
    return rng.chance(0.7) ? rng.pick(hostileDates) : rng.pick(hostileStrings.filter((s) => /^[-+]?\d{4,6}-/.test(s)));
  if (Array.isArray(current))
    return rng.pick([longArray, [null], ["a\u0000"], current.map(() => hostileValue(rng)), deep(500, "x", (v) => [v])]);
  return hostileValue(rng);
}

export function hostileValue(rng: Rng): unknown {
  const r = rng.next();
  if (r < 0.5) return rng.pick(hostileStrings);
  if (r < 0.7) return rng.pick(hostileNumbers);
  if (r < 0.8) return rng.pick(hostileDates);
  if (r < 0.85) return rng.uuid();
  return rng.pick(hostileOther);
}

export type Strategy = "valid" | "mutated" | "hostile";

/** One input for a procedure: mostly valid-looking inputs with one to three hostile changes
 * (a value replaced, a required key removed, an unknown key added), some untouched valid ones,
 * and some that are hostile as a whole. */
export function generateInput(
  schemas: readonly unknown[],
  rng: Rng,
  options: GenerateOptions,
  /** The input's number: the first hostile change of a mutated input goes to each place in turn. */
  index = 0,
  weights = { valid: 0.15, mutated: 0.6 },
): { input: unknown; strategy: Strategy } {
  const schema = schemas[0];
  const r = rng.next();
  if (!schema) return r < 0.5 ? { input: undefined, strategy: "valid" } : { input: hostileValue(rng), strategy: "hostile" };
  if (r >= weights.valid + weights.mutated)
    return { input: rng.chance(0.1) ? [validValue(schema, rng, options)] : hostileValue(rng), strategy: "hostile" };
  let input = validValue(schema, rng, options);
  if (r < weights.valid) return { input, strategy: "valid" };
  const changes = rng.chance(0.7) ? 1 : rng.int(2, 3);
  for (let i = 0; i < changes; i++) {
    const all = placesOf(input);
    const places = all.length > 1 ? all.slice(1) : all;
    const place = i === 0 ? places[index % places.length]! : rng.pick(places);
    const kind = rng.next();
    if (kind < 0.8) input = setAt(input, place, hostileFor(valueAt(input, place), rng));
    else if (kind < 0.9 && place.length) input = setAt(input, place, undefined, true);
    else if (input && typeof input === "object" && !Array.isArray(input))
      input = { ...(input as object), [rng.pick(["extra", "__proto__", "constructor", "id", "role", "\u0000"])]: hostileValue(rng) };
  }
  return { input, strategy: "mutated" };
}

/** A short, printable rendering of an input for a failure report (1 MB strings shortened). */
export function describeInput(value: unknown): string {
  const seen = new WeakSet<object>();
  let depth = 0;
  const render = (v: unknown): string => {
    if (typeof v === "string") {
      const shown = v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)…${v.slice(-20)}` : v;
      return JSON.stringify(shown);
    }
    if (typeof v === "bigint") return `${v}n`;
    if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
    if (v === undefined) return "undefined";
    if (v instanceof Date) return `Date(${Number.isNaN(+v) ? "NaN" : v.toISOString()})`;
    if (typeof v !== "object") return typeof v;
    if (seen.has(v) || depth > 6) return "…";
    seen.add(v);
    depth++;
    try {
      if (v instanceof Map) return `Map(${v.size})`;
      if (v instanceof Set) return `Set(${v.size})`;
      if (Array.isArray(v))
        return v.length > 8 ? `[${v.slice(0, 3).map(render).join(", ")}, …(${v.length} items)]` : `[${v.map(render).join(", ")}]`;
      const entries = Object.entries(v);
      const shown = entries.slice(0, 12).map(([k, x]) => `${JSON.stringify(k)}: ${render(x)}`);
      return `{${shown.join(", ")}${entries.length > 12 ? `, …(${entries.length} keys)` : ""}}`;
    } finally {
      depth--;
    }
  };
  return render(value);
}

export type ZodSchema = z.ZodType;
