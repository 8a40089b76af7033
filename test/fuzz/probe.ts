// Sending generated requests, and what the API must do with a bad one: answer a 4xx in its
// envelope (never a 5xx), name the spoiled field when it is a field's fault, issue no
// session, and store nothing — the user's rows and R2 objects are the same before and after.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { expect, it } from "vitest";
import { Browser } from "../client";
import { notAnObject, notJson, notJsonType, spoiled, toJson, type Shape } from "./hostile";

/** Runs per property: enough to meet every kind of refusal, few enough for a busy 2-core machine. */
export const RUNS = 50;

/** fast-check with this suite's budget; the seed and the shrunk counterexample are printed on failure. */
export function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, numRuns = RUNS): Promise<void> {
  return fc.assert(fc.asyncProperty(arb, predicate), { numRuns });
}

export async function signedIn(name: string): Promise<{ browser: Browser; userId: number }> {
  const browser = new Browser();
  const { userId } = await browser.devLogin(`${name}-${crypto.randomUUID().slice(0, 6)}`);
  return { browser, userId };
}

export type Answer = { status: number; type: string | null; body: unknown; text: string; setCookie: string[] };

export async function send(
  browser: Browser,
  path: string,
  init: { method?: string; body?: BodyInit | null; type?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.type != null) headers.set("content-type", init.type);
  const res = await browser.fetch(path, { method: init.method ?? "GET", body: init.body ?? null, headers });
  const type = res.headers.get("content-type");
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = type?.startsWith("image/") ? `<${bytes.length} bytes of ${type}>` : new TextDecoder().decode(bytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, type, body, text, setCookie: res.headers.getSetCookie() };
}

/** A generated value as an application/json body (Raw number tokens and own `__proto__` keys kept). */
export const sendJson = (browser: Browser, path: string, method: string, value: unknown) => send(browser, path, { method, body: toJson(value), type: "application/json" });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Does the message name the field as the envelope does: `field: …`, `field.3: …`, or `"field"` (an unknown key)? */
export function names(message: string, field: string): boolean {
  return new RegExp(`(?:^|[\\s;("])${escape(field)}(?=[:."])`).test(message);
}

function shown(a: Answer) {
  return `${a.status} ${a.type} ${a.text.slice(0, 400)}`;
}

/** The API refused: a 4xx, JSON, `{status: "fail", message, data: null, code}`, no session issued; naming one of `fields` if given. */
export function expectRefused(a: Answer, opts: { fields?: string[]; statuses?: number[] } = {}): void {
  expect(a.status, shown(a)).toBeGreaterThanOrEqual(400);
  expect(a.status, shown(a)).toBeLessThan(500);
  if (opts.statuses) expect(opts.statuses, shown(a)).toContain(a.status);
  expect(a.type, shown(a)).toMatch(/^application\/json/);
  expect(a.body, shown(a)).toMatchObject({ status: "fail", data: null });
  const { message, code } = a.body as { message: unknown; code: unknown };
  expect(typeof message, shown(a)).toBe("string");
  expect((message as string).length, shown(a)).toBeGreaterThan(0);
  expect(typeof code, shown(a)).toBe("string");
  if (opts.fields?.length) {
    expect(opts.fields.some((f) => names(message as string, f)), `the message names one of ${opts.fields.join(", ")}: ${shown(a)}`).toBe(true);
  }
  expect(a.setCookie.filter((c) => /^debut_session=[^;]+/.test(c) && !/max-age=0/i.test(c)), shown(a)).toEqual([]);
}

/** Whatever the input, an answer: not a 5xx, and the envelope when JSON. */
export function expectAnswered(a: Answer, statuses?: number[]): void {
  expect(a.status, shown(a)).toBeLessThan(500);
  if (statuses) expect(statuses, shown(a)).toContain(a.status);
  if (a.type?.startsWith("application/json")) expect(a.body, shown(a)).toMatchObject({ status: expect.stringMatching(/^(success|fail)$/), message: expect.any(String) });
}

/**
 * Everything a request could have stored for this user (and users and sessions overall):
 * row counts, the rows' updated_at, and with `r2` the objects under the user's prefix.
 */
export async function footprint(userId: number, { r2 = false } = {}): Promise<Record<string, unknown>> {
  const rows = await env.DB.prepare(
    `select
       (select count(*) from users) as users,
       (select count(*) || ':' || count(revoked_at) from sessions) as sessions,
       (select updated_at || ':' || coalesce(height_cm, '') || ':' || preferred_styles from users where id = ?1) as me,
       (select count(*) || ':' || coalesce(max(updated_at), 0) from chat_rooms where user_id = ?1) as rooms,
       (select count(*) from chat_messages m join chat_rooms r on r.id = m.room_id where r.user_id = ?1) as messages,
       (select count(*) || ':' || coalesce(group_concat(id || '@' || updated_at), '') from occasions where user_id = ?1) as occasions,
       (select count(*) || ':' || coalesce(group_concat(id || '@' || status), '') from voice_sessions where user_id = ?1) as voice,
       (select count(*) from feedback_reports where user_id = ?1) as reports,
       (select count(*) || ':' || coalesce(group_concat(id || '@' || updated_at), '') from fitting_tasks where user_id = ?1) as tasks,
       (select count(*) from uploads where user_id = ?1) as uploads`,
  )
    .bind(userId)
    .first<Record<string, unknown>>();
  if (!r2) return rows!;
  const listed = await env.IMAGES.list({ prefix: `users/${userId}/` });
  return { ...rows, r2: listed.objects.map((o) => o.key).sort() };
}

/** Checks that `act` leaves the user's footprint as it found it. */
export async function storesNothing(userId: number, act: () => Promise<void>, opts: { r2?: boolean } = {}): Promise<void> {
  const before = await footprint(userId, opts);
  await act();
  expect(await footprint(userId, opts)).toEqual(before);
}

export type JsonRoute = {
  method: "POST" | "PATCH";
  /** The route as documented, for the test's name. */
  route: string;
  /** The path, read when the test runs (ids made in beforeAll). */
  path: () => string;
  shape: Shape;
  /** Who sends it (a signed-in user, or an anonymous browser with the user to watch). */
  as: () => { browser: Browser; userId: number };
  runs?: number;
};

/**
 * The three ways a JSON body goes wrong, as one test each: spoiled fields (refused, naming
 * one), a body that is not JSON or not an object, and a content type the route does not read.
 */
export function refusesBadJson(route: JsonRoute): void {
  const title = (what: string) => `${what} (${route.method} ${route.route})`;
  it(title("refuses spoiled fields, naming one, and stores nothing"), async () => {
    const { browser, userId } = route.as();
    await check(
      spoiled(route.shape),
      ({ body, fields }) => storesNothing(userId, async () => expectRefused(await sendJson(browser, route.path(), route.method, body), { fields })),
      route.runs ?? RUNS,
    );
  });
  it(title("refuses a body that is not JSON, or not a JSON object"), async () => {
    const { browser, userId } = route.as();
    await check(fc.oneof(notJson, notAnObject), (body) =>
      storesNothing(userId, async () => expectRefused(await send(browser, route.path(), { method: route.method, body, type: "application/json" }), { statuses: [400] })),
    30);
  });
  it(title("refuses a content type it does not read (415), with or without one"), async () => {
    const { browser, userId } = route.as();
    const valid = route.shape.valid.map((v) => toJson(v));
    await check(fc.tuple(fc.option(notJsonType, { nil: null }), fc.oneof(valid, notJson)), ([type, body]) =>
      storesNothing(userId, async () => {
        // Without a type, the bytes go as they are (a string body would be labelled text/plain).
        const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
        if (bytes.byteLength === 0) return;
        expectRefused(await send(browser, route.path(), { method: route.method, body: bytes, type }), { statuses: [415] });
      }),
    25);
  });
}
