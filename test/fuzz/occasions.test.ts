// Fuzzing occasions: creating one (JSON), changing one (JSON: details, checklist, pinned
// outfit, try-on), and reaching one by a hostile id. A refused request opens no room and
// leaves the occasion as it was.
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { OCCASION_KINDS } from "../../worker/db/schema";
import { Browser } from "../client";
import {
  badArray,
  badBool,
  badDatetime,
  badEnum,
  badString,
  blank,
  brokenEscapes,
  garbage,
  longer,
  nastyString,
  own,
  PROTO_KEYS,
  urlText,
  wrongType,
  type Shape,
} from "./hostile";
import { check, expectAnswered, expectRefused, refusesBadJson, send, sendJson, signedIn, storesNothing } from "./probe";

let me: { browser: Browser; userId: number };
let occasion: string;
beforeAll(async () => {
  me = await signedIn("fuzz-occasions");
  const { body } = await me.browser.json<{ id: string }>("/api/occasions", { method: "POST", body: { kind: "interview", title: "Fuzzed interview", startsAt: "2030-01-01T10:00:00+09:00" } });
  occasion = body.data.id;
});

const isZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const title = fc.constantFrom("Toss interview", "상견례", "Demo day 🎤");
const text120 = badString({ min: 1, max: 120 });
/** `optionalText`: a trimmed string up to `max`, or null. */
const badOptionalText = (max: number) => fc.oneof(wrongType("string", "null"), longer(max));
const badZone = fc.oneof(wrongType("string"), longer(64), fc.constantFrom("Mars/Olympus", "Asia/Seoul\u0000", "../../etc/passwd", "", " Asia/Seoul", "Asia/Seoul/", "GMT+99"), nastyString.filter((s) => !isZone(s)));
const detailKey = fc.constantFrom("company", "role", "dressCode", "weather");
const badDetails = fc.oneof(
  wrongType("object"),
  fc.tuple(detailKey, text120).map(([k, v]) => own({}, k, v)),
  fc.tuple(fc.constantFrom(...PROTO_KEYS, "salary"), garbage).map(([k, v]) => own({ company: "Toss" }, k, v)),
);
const common = {
  kind: { bad: badEnum(OCCASION_KINDS) },
  title: { bad: text120 },
  startsAt: { bad: badDatetime },
  timeZone: { bad: badZone },
  language: { bad: badEnum(["ko", "en"]) },
  place: { bad: badOptionalText(200) },
  notes: { bad: badOptionalText(2_000) },
  details: { bad: badDetails },
};

const createShape: Shape = {
  valid: fc.record(
    {
      kind: fc.constantFrom(...OCCASION_KINDS),
      title,
      startsAt: fc.constantFrom("2030-01-01T10:00:00+09:00", "2027-06-01T00:00:00Z"),
      timeZone: fc.constantFrom("Asia/Seoul", "UTC", "Europe/Berlin"),
      language: fc.constantFrom("ko", "en"),
      place: fc.option(fc.constant("Gangnam"), { nil: null }),
      details: fc.constant({ company: "Toss" }),
    },
    { requiredKeys: ["kind", "title", "startsAt"] },
  ),
  fields: common,
  required: [["kind"], ["title"], ["startsAt"]],
};

const item = fc.record({ text: fc.constantFrom("Iron the shirt", "구두 닦기"), done: fc.boolean() }, { requiredKeys: ["text"] });
const badItem = fc.oneof(
  wrongType("object"),
  badString({ min: 1, max: 200 }).map((t) => ({ text: t })),
  fc.oneof(wrongType("string"), longer(16)).map((id) => ({ id, text: "Iron the shirt" })),
  badBool.map((done) => ({ text: "Iron the shirt", done })),
  fc.constantFrom(...PROTO_KEYS, "auto").map((k) => own({ text: "Iron the shirt" }, k, true)),
  fc.constant({ done: true }),
);
const productId = fc.constantFrom("4227290", "1", "999999999999");
const badOutfit = fc.oneof(
  wrongType("object", "null"),
  fc.constant({}),
  badArray(productId, badString({ min: 1, max: 64 }), 4).map((productIds) => ({ productIds })),
  fc.constant({ productIds: [] }),
  // Well formed, but no such product in the catalog: a 404 naming outfit.productIds.
  fc.array(productId, { minLength: 1, maxLength: 4 }).map((productIds) => ({ productIds })),
  fc.constantFrom(...PROTO_KEYS).map((k) => own({ productIds: ["1"] }, k, 1)),
);

const patchShape: Shape = {
  valid: fc.record({ title, place: fc.constant(null), notes: fc.constant("Bring the portfolio"), checklist: fc.array(item, { maxLength: 5 }), outfit: fc.constant(null), tryOnTaskId: fc.constant(null) }, { requiredKeys: [] }),
  fields: {
    ...common,
    checklist: { bad: badArray(item, badItem, 20) },
    outfit: { bad: badOutfit },
    // Refused by the schema, or not one of the user's try-ons (404 naming it).
    tryOnTaskId: { bad: fc.oneof(wrongType("string", "null"), longer(64), blank, fc.uuid(), nastyString.filter((s) => s.trim() !== "")) },
  },
  strict: true,
};

describe("POST /api/occasions", () => {
  refusesBadJson({ method: "POST", route: "/api/occasions", path: () => "/api/occasions", shape: createShape, as: () => me, runs: 80 });

  it("creates an occasion from any valid but odd input, and shows it and its calendar file (no 5xx)", async () => {
    const odd = fc.record({
      kind: fc.constantFrom(...OCCASION_KINDS),
      title: nastyString.filter((s) => s.trim().length >= 1 && [...s.trim()].length <= 120),
      startsAt: fc.constantFrom("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999+14:00", "1970-01-01T00:00:00-00:00", "2026-02-28T23:59:59.123456789+09:00", "2030-01-01T10:00:00+23:59"),
      timeZone: fc.constantFrom("UTC", "utc", "Etc/GMT-14", "+09:00", "America/Argentina/ComodRivadavia", "Asia/Kathmandu"),
      language: fc.constantFrom("ko", "en"),
      place: fc.oneof(fc.constant(null), fc.constant(""), nastyString.filter((s) => [...s.trim()].length <= 200)),
      notes: fc.oneof(fc.constant(null), nastyString),
      details: fc.record({ company: nastyString.filter((s) => s.trim().length >= 1 && [...s.trim()].length <= 120) }, { requiredKeys: [] }),
    });
    await check(odd, async (body) => {
      const a = await sendJson(me.browser, "/api/occasions", "POST", body);
      expectAnswered(a, [201]);
      const id = (a.body as { data: { id: string } }).data.id;
      expectAnswered(await send(me.browser, `/api/occasions/${id}`), [200]);
      expectAnswered(await send(me.browser, `/api/occasions/${id}/calendar.ics`), [200]);
    }, 25);
    expectAnswered(await send(me.browser, "/api/occasions"), [200]);
  });
});

describe("PATCH /api/occasions/{id}", () => {
  refusesBadJson({ method: "PATCH", route: "/api/occasions/{id}", path: () => `/api/occasions/${occasion}`, shape: patchShape, as: () => me, runs: 80 });
});

describe("an occasion by a hostile id", () => {
  const hostileId = fc.oneof(
    fc.uuid(),
    nastyString.filter((s) => s.trim() !== "").map(urlText),
    longer(64, { huge: false }).map(urlText),
    brokenEscapes,
    fc.constant(null).chain(() => fc.constantFrom(occasion.toUpperCase(), `${occasion}%20`, `${occasion}%00`, occasion.slice(0, -1))),
  );
  it("refuses to show, change, export or delete it (404, or 400 naming id), and changes nothing", async () => {
    await check(fc.tuple(hostileId, fc.constantFrom("GET", "PATCH", "DELETE", "GET.ics")), ([id, how]) =>
      storesNothing(me.userId, async () => {
        const path = `/api/occasions/${id}${how === "GET.ics" ? "/calendar.ics" : ""}`;
        const a = how === "PATCH" ? await sendJson(me.browser, path, "PATCH", { title: "Hijacked" }) : await send(me.browser, path, { method: how === "GET.ics" ? "GET" : how });
        expectRefused(a, { statuses: [400, 404], fields: a.status === 400 ? ["id"] : undefined });
      }),
    60);
  });
  it("answers for-room by any room id: the occasion or null (200), or 400 naming roomId", async () => {
    const room = fc.oneof(fc.integer({ min: 1 }).map(String), nastyString.map(urlText), brokenEscapes, fc.constantFrom("0", "-1", "1.5", "1e999", "%EF%BC%91"));
    await check(room, async (r) => {
      const a = await send(me.browser, `/api/occasions/for-room/${r}`);
      if (a.status === 200) return expectAnswered(a);
      expectRefused(a, { statuses: [400, 404], fields: a.status === 400 ? ["roomId"] : undefined });
    }, 30);
  });
});
