// Fuzzing the stylist chat: the polling /send, the retry of a turn, the room history and a
// room's messages, /receive, and the query of the streamed turns and the room watch. A bad
// request is refused before a turn is stored, so no room, message or queue job appears.
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { parseCursor } from "../../worker/chat/store";
import { Browser } from "../client";
import { badCoercedInt, badInt, badString, brokenEscapes, longer, nastyString, notMyPhoto, unknownId, urlText, wrongType, type Shape } from "./hostile";
import { check, expectAnswered, expectRefused, refusesBadJson, send, signedIn, storesNothing } from "./probe";

let me: { browser: Browser; userId: number };
let myRoom: number;
let theirRoom: number;

async function roomOf(b: Browser): Promise<number> {
  const { body } = await b.json<{ roomId: number }>("/api/occasions", { method: "POST", body: { kind: "interview", title: "Fuzz room", startsAt: "2030-01-01T10:00:00+09:00" } });
  return body.data.roomId;
}

beforeAll(async () => {
  me = await signedIn("fuzz-chat");
  myRoom = await roomOf(me.browser);
  theirRoom = await roomOf((await signedIn("fuzz-chat-other")).browser);
});

const text = fc.constantFrom("면접 때 입을 셔츠 추천해줘", "a navy blazer for a first date?");
const mine = fc.constant(null).map(() => myRoom);
const theirs = fc.constant(null).map(() => theirRoom);
const input = badString({ min: 1, max: 2000 });

const sendShape: Shape = {
  valid: fc.oneof(fc.record({ content: text }), fc.record({ user_input: text }), fc.record({ content: text, user_input: text, room_id: mine })),
  fields: {
    // Not a positive integer, or nobody's room, or someone else's.
    room_id: { bad: fc.oneof(badInt({ min: 1, max: Number.MAX_SAFE_INTEGER }), unknownId, theirs) },
    content: { bad: input },
    user_input: { bad: input },
    image_url: { bad: fc.oneof(wrongType("string"), longer(500), { weight: 2, arbitrary: notMyPhoto }) },
  },
  required: [["content", "user_input"]],
};

/** `?k=v&…` from decoded values (percent-encoded here), or raw text that is already a broken escape. */
function query(pairs: [string, string | { raw: string }][]): string {
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${typeof v === "string" ? urlText(v) : v.raw}`).join("&")}` : "";
}
const raw = brokenEscapes.map((r) => ({ raw: r }));

/** A room id in a path: mine, someone else's, nobody's, or not a positive integer. */
const roomSegment = fc.oneof(mine.map(String), theirs.map(String), unknownId.map(String), badCoercedInt({ min: 1, max: Number.MAX_SAFE_INTEGER }).map(urlText), brokenEscapes);

describe("POST /api/chat/send", () => {
  refusesBadJson({ method: "POST", route: "/api/chat/send", path: () => "/api/chat/send", shape: sendShape, as: () => me, runs: 80 });
});

describe("POST /api/chat/rooms/{roomId}/turns/{turnId}/retry", () => {
  it("refuses a bad room or turn (400 naming it, or 404), whatever the body, and runs nothing", async () => {
    const turn = fc.oneof(fc.uuid(), fc.uuid().map((u) => u.toUpperCase()), nastyString.map(urlText), brokenEscapes, longer(64, { huge: false }));
    await check(fc.tuple(roomSegment, turn, fc.option(fc.jsonValue(), { nil: undefined })), ([room, turnId, body]) =>
      storesNothing(me.userId, async () => {
        const a = await send(me.browser, `/api/chat/rooms/${room}/turns/${turnId}/retry`, { method: "POST", body: body === undefined ? null : JSON.stringify(body), type: "application/json" });
        // An empty segment is another path: no such route.
        expectRefused(a, { statuses: [400, 404], fields: a.status === 400 ? ["roomId", "turnId"] : undefined });
      }),
    60);
  });
});

describe("GET /api/chat/rooms/history", () => {
  it("refuses a bad limit or cursor, naming it", async () => {
    const bad = fc.oneof(
      fc.tuple(fc.constant("limit"), fc.oneof(badCoercedInt({ min: 1, max: 100 }), raw)),
      fc.tuple(fc.constant("cursor"), fc.oneof(nastyString.filter((s) => !/^\d+$/.test(s)), raw)),
    );
    await check(fc.array(bad, { minLength: 1, maxLength: 2 }), async (pairs) => {
      expectRefused(await send(me.browser, `/api/chat/rooms/history${query(pairs)}`), { statuses: [400], fields: pairs.map(([k]) => k) });
    });
  });
  it("answers any valid page with unknown parameters alongside (200)", async () => {
    const extra = fc.array(fc.tuple(fc.constantFrom("__proto__", "constructor", "x", "limit[]", ""), nastyString), { maxLength: 3 });
    await check(fc.tuple(fc.integer({ min: 1, max: 100 }), extra), async ([limit, pairs]) => {
      expectAnswered(await send(me.browser, `/api/chat/rooms/history${query([["limit", String(limit)], ...pairs])}`), [200]);
    }, 30);
  });
});

describe("GET /api/chat/rooms/{roomId}/messages", () => {
  const badCursor = fc.oneof(longer(100, { huge: false }), nastyString.filter((s) => parseCursor(s) === "invalid"), fc.constantFrom("2026-01-01_abc", "2026-01-01_0", "2026-01-01_-1", "2026-01-01_1.5", "_1", "not a date"));
  it("refuses a bad room, limit or cursor (400 naming it, or 404) and answers a good one", async () => {
    const pairs = fc.array(fc.oneof(fc.tuple(fc.constant("limit"), fc.oneof(badCoercedInt({ min: 1, max: 100 }), raw)), fc.tuple(fc.constant("cursor"), fc.oneof(badCursor, raw))), { maxLength: 2 });
    await check(fc.tuple(roomSegment, pairs), async ([room, q]) => {
      const a = await send(me.browser, `/api/chat/rooms/${room}/messages${query(q)}`);
      if (room === String(myRoom) && q.length === 0) return expectAnswered(a, [200]);
      expectRefused(a, { statuses: [400, 404], fields: a.status === 400 ? ["roomId", ...q.map(([k]) => k)] : undefined });
    }, 60);
  });
});

describe("GET /api/chat/receive", () => {
  it("refuses a room_id that is not a positive integer (400) or not the user's (404), naming it", async () => {
    const id = fc.oneof(badCoercedInt({ min: 1, max: Number.MAX_SAFE_INTEGER }), unknownId.map(String), theirs.map(String));
    await check(fc.array(id, { minLength: 0, maxLength: 2 }), async (ids) => {
      const a = await send(me.browser, `/api/chat/receive${query(ids.map((v) => ["room_id", v]))}`);
      expectRefused(a, { statuses: [400, 404], fields: ["room_id"] });
    });
  });
});

describe("the streamed turn and the room watch (GET, SSE)", () => {
  const badInput = fc.oneof(
    fc.tuple(fc.constant("user_input"), fc.oneof(fc.constantFrom("", " ", "\u3000\t"), longer(2000, { huge: false }))),
    fc.tuple(fc.constant("image_url"), fc.oneof(longer(500, { huge: false }), notMyPhoto)),
  );
  it("refuses a bad user_input or image_url before storing a turn, in a new room or the user's", async () => {
    await check(fc.tuple(fc.oneof(fc.constant(""), mine.map((r) => `${r}/`)), fc.array(badInput, { minLength: 1, maxLength: 2 }), text), ([room, bad, ok]) =>
      storesNothing(me.userId, async () => {
        const q = bad.some(([k]) => k === "user_input") ? bad : [["user_input", ok] as [string, string], ...bad];
        const a = await send(me.browser, `/api/chat/rooms/${room}messages/stream${query(q)}`);
        expectRefused(a, { statuses: [400, 404], fields: bad.map(([k]) => k) });
      }),
    40);
  });
  it("refuses to stream into, or watch, a room that is not the user's (404) or a bad one (400)", async () => {
    const notMine = fc.oneof(theirs.map(String), unknownId.map(String), badCoercedInt({ min: 1, max: Number.MAX_SAFE_INTEGER }).map(urlText));
    await check(fc.tuple(notMine, fc.constantFrom("messages/stream", "events"), text), ([room, what, ok]) =>
      storesNothing(me.userId, async () => {
        const a = await send(me.browser, `/api/chat/rooms/${room}/${what}${query([["user_input", ok]])}`);
        expectRefused(a, { statuses: [400, 404], fields: a.status === 400 ? ["roomId"] : undefined });
      }),
    40);
  });
  it("refuses a last_event_id that is not a number when watching the user's room", async () => {
    await check(nastyString.filter((s) => !/^\d+$/.test(s)), async (last) => {
      expectRefused(await send(me.browser, `/api/chat/rooms/${myRoom}/events${query([["last_event_id", last]])}`), { statuses: [400], fields: ["last_event_id"] });
    }, 30);
  });
});
