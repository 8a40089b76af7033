// Fuzzing voice rehearsals: starting a session (JSON), ending one and reading one or its
// report by a hostile id, the session list's paging, the socket's id, and progress.
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { DIFFICULTIES, LANGUAGES, SCENARIOS, scenario } from "../../worker/voice/scenarios";
import { Browser } from "../client";
import { badCoercedInt, badEnum, badString, brokenEscapes, longer, nastyString, urlText, type Shape } from "./hostile";
import { check, expectAnswered, expectRefused, refusesBadJson, send, signedIn, storesNothing } from "./probe";

let me: { browser: Browser; userId: number };
let session: string;
beforeAll(async () => {
  me = await signedIn("fuzz-voice");
  const { body } = await me.browser.json<{ id: string }>("/api/voice/sessions", { method: "POST", body: { scenarioId: "interview-general" } });
  session = body.data.id;
});

const create: Shape = {
  valid: fc.record({ scenarioId: fc.constantFrom(...SCENARIOS.map((s) => s.id)), language: fc.constantFrom(...LANGUAGES), difficulty: fc.constantFrom(...DIFFICULTIES) }, { requiredKeys: ["scenarioId"] }),
  fields: {
    // Refused by the schema, or no such scenario (404 naming it).
    scenarioId: { bad: fc.oneof(badString({ min: 1, max: 64 }), nastyString.filter((s) => !scenario(s.trim())), fc.constantFrom("INTERVIEW-GENERAL", "interview-general\u200d", "__proto__", "constructor")) },
    language: { bad: badEnum(LANGUAGES) },
    difficulty: { bad: badEnum(DIFFICULTIES) },
    // Refused by the schema, or not one of the user's occasions (404 naming it).
    occasionId: { bad: fc.oneof(badString({ min: 1, max: 64 }), fc.uuid(), nastyString) },
  },
  required: [["scenarioId"]],
};

/** A session id in a path: nobody's, a near miss of the user's, too long, or not text at all. */
const hostileId = fc.oneof(
  fc.uuid(),
  nastyString.filter((s) => s.trim() !== "").map(urlText),
  longer(64, { huge: false }).map(urlText),
  brokenEscapes,
  fc.constantFrom(".", "..", "%2e", "%2E%2E").map((s) => `x${s}`),
  fc.constant(null).chain(() => fc.constantFrom(session.toUpperCase(), `${session}%20`, `${session}%00`, `%20${session}`, `${session}x`, session.slice(0, -1))),
);

describe("POST /api/voice/sessions", () => {
  refusesBadJson({ method: "POST", route: "/api/voice/sessions", path: () => "/api/voice/sessions", shape: create, as: () => me, runs: 60 });
});

describe("a session by a hostile id", () => {
  it("refuses to end it (404, or 400 naming id) and scores nothing", async () => {
    await check(fc.tuple(hostileId, fc.option(fc.jsonValue(), { nil: undefined })), ([id, body]) =>
      storesNothing(me.userId, async () => {
        const a = await send(me.browser, `/api/voice/sessions/${id}/end`, { method: "POST", body: body === undefined ? null : JSON.stringify(body), type: "application/json" });
        expectRefused(a, { statuses: [400, 404], fields: a.status === 400 ? ["id"] : undefined });
      }),
    60);
  });
  it("refuses to show it, its report or its socket (404, or 400 naming id)", async () => {
    await check(fc.tuple(hostileId, fc.constantFrom("", "/feedback", "/ws")), async ([id, what]) => {
      const upgrade = what === "/ws" ? { upgrade: "websocket" } : undefined;
      const a = await send(me.browser, `/api/voice/sessions/${id}${what}`, { headers: upgrade });
      expectRefused(a, { statuses: [400, 404], fields: a.status === 400 ? ["id"] : undefined });
    }, 40);
  });
});

describe("GET /api/voice/sessions and /api/voice/progress", () => {
  it("refuses a bad limit or cursor, naming it", async () => {
    const bad = fc.oneof(
      fc.tuple(fc.constant("limit"), badCoercedInt({ min: 1, max: 50 })),
      fc.tuple(fc.constant("cursor"), fc.oneof(nastyString, fc.constantFrom("1_abc", `1_${"g".repeat(36)}`, "_", "-1_00000000-0000-0000-0000-000000000000")).filter((s) => !/^\d+_[0-9a-f-]{36}$/.test(s))),
    );
    await check(fc.array(bad, { minLength: 1, maxLength: 2 }), async (pairs) => {
      const q = pairs.map(([k, v]) => `${k}=${urlText(v)}`).join("&");
      expectRefused(await send(me.browser, `/api/voice/sessions?${q}`), { statuses: [400], fields: pairs.map(([k]) => k) });
    });
  });
  it("answers progress whatever the query (it takes none)", async () => {
    const q = fc.array(fc.tuple(nastyString.map(urlText), fc.oneof(nastyString.map(urlText), brokenEscapes)), { maxLength: 4 });
    await check(q, async (pairs) => expectAnswered(await send(me.browser, `/api/voice/progress?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`), [200]), 20);
  });
});
