// Hostile values for the fuzz tests: wrong JSON types, strings past their limits, numbers
// JSON can spell but a schema must refuse, Unicode that trips naive code, prototype keys,
// bodies that are not JSON, and request bodies built from a route's field list with one to
// three fields spoiled, so that every generated request is one the API must refuse.
import fc from "fast-check";

/** A JSON token JSON.stringify cannot write: 1e999 parses to Infinity, -0 stays -0. */
export class Raw {
  constructor(readonly token: string) {}
}

/** JSON text for a generated value (Raw tokens as written, own `__proto__` keys kept). */
export function toJson(v: unknown): string {
  if (v instanceof Raw) return v.token;
  if (typeof v === "number") return Number.isNaN(v) ? "null" : v === Infinity ? "1e999" : v === -Infinity ? "-1e999" : Object.is(v, -0) ? "-0" : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(toJson).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${toJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** Sets a key as an own property, so `__proto__` is a key and not the prototype. */
export function own<T extends object>(o: T, key: string, value: unknown): T {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
}

export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "isAdmin", "userId", "id"] as const;

export const EDGE_STRINGS = [
  "", " ", "\t\n\r", "\u0000", "a\u0000b", "\ud800", "\udfff", "x\ud83d", "\ude00y", "\u202eevil\u202c", "\u200d", "\u200b", "\ufeff", "\u00a0", "\u3000",
  "👩‍👩‍👧‍👦", "🏳️‍🌈", "e\u0301\u0301\u0301\u0301", "Z̴̡̢͖͎a̷l̵g̸o̶", "１２３", "٣٤", "NaN", "-0", "1e308", "Infinity", "null", "undefined", "true", "[]", "{}",
  ...PROTO_KEYS, "<script>alert(1)</script>", "' OR 1=1 --", "\"; drop table users; --", "../../etc/passwd", "%00", "%s%n", "${jndi:ldap://x}", "{{7*7}}",
  "\r\nSet-Cookie: a=b", "면접룩", "\u0085", "\u2028\u2029", "\\", "\"", "*", "NEAR(a b)", "^", "-", "\u{10ffff}",
];

const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 6 });

/** Short strings that break naive code (may or may not be valid for a given field). */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EDGE_STRINGS),
  fc.string({ unit: "binary", maxLength: 24 }),
  loneSurrogates,
  fc.array(fc.oneof(fc.constantFrom(...EDGE_STRINGS), fc.string({ unit: "grapheme", maxLength: 6 })), { minLength: 1, maxLength: 5 }).map((p) => p.join("")),
);

// None of these is trimmed away by String.prototype.trim, so a repetition keeps its length.
const PIECES = ["x", "가", "👩‍👩‍👧‍👦", "e\u0301", "\u202e", "\u200d", "\ud800", "１", "\u0000", "<", "\""];

/** A string longer than `max` code points (zod counts code points) even after trimming: a little over, or huge. */
export function longer(max: number, { huge = true } = {}): fc.Arbitrary<string> {
  const over = fc.integer({ min: max + 1, max: max + 64 });
  const length = huge ? fc.oneof(over, fc.constantFrom(100_000, 1_000_000)) : over;
  return fc.tuple(fc.constantFrom(...PIECES), length).map(([p, n]) => p.repeat(Math.ceil(n / [...p].length)));
}

/** Strings that are empty once trimmed. */
export const blank = fc.constantFrom("", " ", "   ", "\t\n", "\u3000", "\u00a0", "\ufeff", "\u2028", " \r\n ");

const numbers = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(new Raw("1e999"), new Raw("-1e999"), new Raw("-0"), new Raw("1E+2"), 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 5e-324, -1, 0, 0.5),
);

const garbageLeaf = fc.oneof(numbers, fc.boolean(), fc.constant(null), nastyString);

/** Nested garbage, sometimes very deep. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  // As JSON text: a value this deep would overflow the stack of whoever walks it here.
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 5000 }).map((depth) => new Raw(`${"[".repeat(depth)}${"]".repeat(depth)}`)) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS).chain((k) => garbageLeaf.map((v) => own({}, k, v))) },
);

type JsonKind = "string" | "number" | "boolean" | "null" | "array" | "object";

/** A JSON value of any kind but those named. */
export function wrongType(...not: JsonKind[]): fc.Arbitrary<unknown> {
  const all: Record<JsonKind, fc.Arbitrary<unknown>> = {
    string: nastyString,
    number: numbers,
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(garbage, { maxLength: 4 }),
    object: fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), garbage, { maxKeys: 4 }), garbage.filter((g) => g !== null && typeof g === "object" && !Array.isArray(g))),
  };
  return fc.oneof(...(Object.keys(all) as JsonKind[]).filter((k) => !not.includes(k)).map((k) => all[k]));
}

// ---------------------------------------------------------------------------- per-kind refusals

/** Values a `z.string()[.trim()].min(min).max(max)` field must refuse. */
export function badString({ min = 0, max, nullable = false }: { min?: number; max: number; nullable?: boolean }): fc.Arbitrary<unknown> {
  return fc.oneof(wrongType("string", ...(nullable ? (["null"] as const) : [])), longer(max), ...(min >= 1 ? [blank] : []));
}

/** Values a `z.enum(values)` field must refuse. */
export function badEnum(values: readonly string[], { nullable = false } = {}): fc.Arbitrary<unknown> {
  const near = values.flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v}\u200d`, `${v}\u0000`, v.replace(/./g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))]);
  return fc.oneof(wrongType("string", ...(nullable ? (["null"] as const) : [])), fc.constantFrom(...near).filter((s) => !values.includes(s)), nastyString.filter((s) => !values.includes(s)));
}

/** Values a `z.number().int().min(min).max(max)` field must refuse (JSON: no coercion). */
export function badInt({ min, max, nullable = false }: { min: number; max: number; nullable?: boolean }): fc.Arbitrary<unknown> {
  const outside = fc.oneof(fc.integer({ max: min - 1 }), max < Number.MAX_SAFE_INTEGER ? fc.integer({ min: max + 1 }) : fc.constant(min - 1));
  const fraction = fc.double({ min, max, noNaN: true }).filter((n) => !Number.isInteger(n));
  const big = fc.constantFrom(new Raw("1e999"), new Raw("-1e999"), 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, ...(min > 0 ? [new Raw("-0"), 0] : []));
  const digits = fc.constantFrom(String(min), String(max), "NaN", "-0", "1e308", "１２０", "0x10", "");
  return fc.oneof(wrongType("number", ...(nullable ? (["null"] as const) : [])), outside, fraction, big, digits);
}

/** Values a `z.boolean()` field must refuse. */
export const badBool = fc.oneof(fc.constantFrom("true", "false", 1, 0, "", "yes"), wrongType("boolean"));

/** Values a `z.iso.datetime({ offset: true })` field must refuse. */
export const badDatetime = fc.oneof(
  fc.constantFrom(
    "next tuesday", "2026-12-10T14:00:00", "2026-12-10", "2026-13-10T14:00:00+09:00", "2026-02-30T14:00:00+09:00x", "2026-12-10T25:61:00+09:00",
    "２０２６-１２-１０T１４:００:００+０９:００", " 2026-12-10T14:00:00+09:00", "2026-12-10T14:00:00+09:00\u0000", "2026-12-10T14:00:00+24:00", "1e308", "", "-0",
  ),
  wrongType("string"),
  nastyString.filter((s) => !/^\d{4}-\d\d-\d\dT/.test(s)),
);

/** Values a `z.array(item).max(max)` field must refuse, given one valid item. */
export function badArray<T>(validItem: fc.Arbitrary<T>, badItem: fc.Arbitrary<unknown>, max: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    wrongType("array"),
    fc.array(validItem, { minLength: max + 1, maxLength: max + 8 }),
    fc.tuple(fc.array(validItem, { maxLength: Math.max(0, max - 1) }), badItem, fc.nat()).map(([items, bad, at]) => {
      const out: unknown[] = [...items];
      out.splice(at % (items.length + 1), 0, bad);
      return out;
    }),
  );
}

/** Positive integers no row of a fresh test database has. */
export const unknownId = fc.integer({ min: 1_000_000, max: Number.MAX_SAFE_INTEGER });

// ---------------------------------------------------------------------------- spoiled bodies

export type Field = { bad: fc.Arbitrary<unknown> };

/**
 * A JSON body's schema as the fuzzer sees it: a valid body, each field's refusals, which
 * fields (or groups: "content or user_input") missing makes it invalid, and whether unknown
 * keys are refused (`.strict()`) or ignored.
 */
export type Shape = {
  valid: fc.Arbitrary<Record<string, unknown>>;
  fields: Record<string, Field>;
  required?: string[][];
  strict?: boolean;
};

export type Spoiled = { body: Record<string, unknown>; fields: string[] };

const unknownKey = (known: string[]) =>
  fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.stringMatching(/^[a-zA-Z_$][\w$]{0,15}$/)).filter((k) => !known.includes(k));

type Mutation = { kind: "set" | "extra"; name: string; value: unknown } | { kind: "drop"; names: string[] };

/** A body with one to three spoiled fields (and, where ignored, some harmless unknown keys), and the fields spoiled. */
export function spoiled(shape: Shape): fc.Arbitrary<Spoiled> {
  const names = Object.keys(shape.fields);
  const set = fc.constantFrom(...names).chain((name) => shape.fields[name]!.bad.map((value): Mutation => ({ kind: "set", name, value })));
  const mutations: fc.Arbitrary<Mutation>[] = [set];
  if (shape.required?.length) mutations.push(fc.constantFrom(...shape.required).map((group): Mutation => ({ kind: "drop", names: group })));
  if (shape.strict) mutations.push(fc.tuple(unknownKey(names), garbage).map(([name, value]): Mutation => ({ kind: "extra", name, value })));
  const noise = shape.strict ? fc.constant([]) : fc.array(fc.tuple(unknownKey(names), garbage), { maxLength: 2 });
  const mutation = fc.oneof(...mutations);
  // Mostly one: a second spoiled field would often be refused first and hide the checks made
  // after validation (does the room, the scenario, the photo exist?).
  const several = fc.oneof({ weight: 3, arbitrary: mutation.map((m) => [m]) }, { weight: 1, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 3 }) });
  return fc.record({ base: shape.valid, mutations: several, noise }).map(({ base, mutations, noise }) => {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(base)) own(body, k, v);
    for (const [k, v] of noise) own(body, k, v);
    const fields: string[] = [];
    for (const m of mutations) {
      if (m.kind === "drop") {
        for (const n of m.names) delete body[n];
        fields.push(...m.names);
      } else {
        own(body, m.name, m.value);
        fields.push(m.name);
      }
    }
    return { body, fields };
  });
}

// ---------------------------------------------------------------------------- bodies that are not JSON

/** Text sent as application/json that is not JSON at all. */
export const notJson: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.constantFrom("", "{", "}", "[1,", "{\"a\":}", "nul", "tru", "NaN", "{'a': 1}", "{\"a\": 1,}", "\u0000", "\ufeff\ufeff{}", "<xml/>", "a=1&b=2", "{\"a\": 01}", "[\"\\x41\"]", "{\"a\" 1}", "--boundary\r\n"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 64 }).filter((s) => !isJson(s)),
  fc.uint8Array({ minLength: 1, maxLength: 256 }).filter((b) => !isJson(new TextDecoder().decode(b))),
  fc.integer({ min: 1, max: 5000 }).map((n) => "[".repeat(n)),
);

/** JSON that parses but is no object: arrays, strings, numbers, null. */
export const notAnObject = fc.oneof(fc.constantFrom("null", "[]", "[{}]", "\"{}\"", "0", "-0", "1e999", "true", "\"\\ud800\""), fc.jsonValue({ maxDepth: 2 }).filter((v) => v === null || typeof v !== "object" || Array.isArray(v)).map((v) => JSON.stringify(v)));

function isJson(s: string): boolean {
  try {
    // As a request body is read: a leading byte order mark is not part of the text.
    JSON.parse(s.replace(/^\ufeff/, ""));
    return true;
  } catch {
    return false;
  }
}

/** Content types a JSON route does not read. */
export const notJsonType = fc.constantFrom(
  "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonp", "application/json-seq",
  "text/json", "json", "application/octet-stream", "*/*", "image/png", "",
);

// ---------------------------------------------------------------------------- URLs

/** A path segment or query value as raw URL text: the string's UTF-8 percent-encoded, or stray %-sequences. */
export function urlText(s: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(s)) out += /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  return out;
}

/** Query values `z.coerce.number().int().min(min).max(max)` must refuse (as decoded text). */
export function badCoercedInt({ min, max }: { min: number; max: number }): fc.Arbitrary<string> {
  const n = (s: string) => Number(s);
  const fits = (s: string) => Number.isSafeInteger(n(s)) && n(s) >= min && n(s) <= max;
  return fc
    .oneof(
      fc.constantFrom("", "abc", "NaN", "Infinity", "-Infinity", "1e999", "１０", "٣", "1.5", "0", "-1", "-0.5", "1e3", "0x", "1_000", "--1", "9".repeat(400), String(max + 1), String(min - 1), "9007199254740993"),
      nastyString,
      fc.double().map(String),
    )
    .filter((s) => !fits(s));
}

/** Percent-sequences that do not decode: invalid UTF-8, truncated escapes, overlong forms. */
export const brokenEscapes = fc.constantFrom("%", "%G1", "%E0%A4%A", "%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%00", "%25", "a%2", "%%", "%2e%2e%2f");

/** Well-formed image URLs that are none of the user's uploads (a blank one would mean "no photo"). */
export const notMyPhoto = fc.oneof(
  nastyString.filter((s) => s.trim() !== ""),
  brokenEscapes.map((e) => `/api/images/users/1/uploads/${e}.jpg`),
  brokenEscapes.map((e) => `/api/images/${e}`),
  fc.constantFrom("javascript:alert(1)", "http://evil.test/x.jpg", "/api/images/users/1/uploads/x.jpg", "/api/images/../../etc/passwd", "data:image/png;base64,AAAA", "//evil.test/a.jpg", "/api/images/catalog/x.png"),
);
