// Defence in depth for what no schema checked: a procedure's raw input (before its zod schema) is
// scanned for text holding a NUL byte, which PostgreSQL cannot store or compare. A field someone
// declared as a plain z.string() is still refused at the edge, with the same message as the shared
// fields' (server/validation/fields.ts). Object keys count as text too (a record's keys get stored).
//
// The scan is bounded: no input of this application nests deeper than a few levels or holds more
// than a few thousand values, so an input beyond the limits below is refused as a whole instead of
// being walked (it would only cost time: the schemas would refuse it anyway). One pass, no
// recursion; a 1 MB string costs one `includes`.

export const RAW_INPUT_LIMITS = { depth: 32, values: 100_000 };

export type RawInputProblem = { kind: "nul"; path: (string | number)[] } | { kind: "too_complex" };

interface Frame {
  value: unknown;
  key: string | number | undefined;
  parent: Frame | undefined;
  depth: number;
}

const pathOf = (frame: Frame, last?: string): (string | number)[] => {
  const path: (string | number)[] = last === undefined ? [] : [last];
  for (let f: Frame | undefined = frame; f && f.key !== undefined; f = f.parent) path.unshift(f.key);
  return path;
};

const isPlainObject = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** The first problem in `input`, or null when it is clean. */
export function scanRawInput(input: unknown, limits = RAW_INPUT_LIMITS): RawInputProblem | null {
  const stack: Frame[] = [{ value: input, key: undefined, parent: undefined, depth: 0 }];
  let seen = 0;
  while (stack.length) {
    const frame = stack.pop()!;
    const value = frame.value;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return { kind: "nul", path: pathOf(frame) };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (frame.depth >= limits.depth) return { kind: "too_complex" };
    const push = (child: unknown, key: string | number) => stack.push({ value: child, key, parent: frame, depth: frame.depth + 1 });
    if (Array.isArray(value)) {
      if ((seen += value.length) > limits.values) return { kind: "too_complex" };
      for (let i = 0; i < value.length; i++) push(value[i], i);
    } else if (value instanceof Map || value instanceof Set) {
      // superjson carries both over HTTP.
      if ((seen += value.size * 2) > limits.values) return { kind: "too_complex" };
      let i = 0;
      for (const entry of value instanceof Map ? value.entries() : value.values()) {
        if (value instanceof Map) {
          const [k, v] = entry as [unknown, unknown];
          push(k, i);
          push(v, i);
        } else push(entry, i);
        i++;
      }
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if ((seen += keys.length) > limits.values) return { kind: "too_complex" };
      for (const key of keys) {
        if (key.includes("\u0000")) return { kind: "nul", path: pathOf(frame, key) };
        push((value as Record<string, unknown>)[key], key);
      }
    }
    // Dates, BigInts' wrappers, class instances: nothing textual to store.
  }
  return null;
}
