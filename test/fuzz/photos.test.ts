// Fuzzing the photo routes: the multipart upload (/api/chat/upload) and try-on (single and
// combo), where missing files, wrong field names, text where a file belongs, bytes that are no
// image under an image's name and type, decompression bombs, lying Content-Lengths and broken
// multipart are each refused before anything reaches R2 or D1; and the try-on history's
// paging, and a task's status or deletion by a hostile id.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { MAX_PIXELS, MAX_SIDE } from "../../worker/images/uploads";
import { sniffImage } from "../../worker/images/sniff";
import { seedCatalog } from "../catalog/seed";
import { Browser } from "../client";
import { jpeg, png, webp } from "../images/fixtures";
import { badCoercedInt, brokenEscapes, longer, nastyString, notMyPhoto, unknownId, urlText } from "./hostile";
import { check, expectRefused, send, signedIn, storesNothing } from "./probe";

/**
 * A fresh signed-in user every `every` requests: the upload and try-on allowances
 * (worker/http/rate-limit.ts) count attempts, and this is about what a request holds.
 */
function rotating(name: string, every: number) {
  let user: Promise<{ browser: Browser; userId: number }> | undefined;
  let used = 0;
  return () => {
    if (!user || used++ >= every) {
      user = signedIn(name);
      used = 1;
    }
    return user;
  };
}

type Part = [name: string, value: string | File];
const form = (parts: Part[]) => {
  const f = new FormData();
  for (const [k, v] of parts) f.append(k, v);
  return f;
};

/** Not a photo we keep: refused by its bytes, or by its size in pixels. */
function refused(bytes: Uint8Array): boolean {
  const k = sniffImage(bytes.subarray(0, 64 * 1024));
  return "refused" in k || k.width < 1 || k.height < 1 || k.width > MAX_SIDE || k.height > MAX_SIDE || k.width * k.height > MAX_PIXELS;
}
const text = (s: string) => new TextEncoder().encode(s);
const badBytes = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 4096 }),
  fc.tuple(fc.constantFrom(jpeg(), png(), webp()), fc.nat()).map(([b, n]) => b.subarray(0, n % b.length)),
  fc.constantFrom(
    new Uint8Array(),
    png(50_000, 50_000),
    png(0, 10),
    jpeg(0, 480),
    webp(16_000, 16_000),
    text("GIF89a\x01\x00\x01\x00"),
    new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63]),
    text(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`),
    text("<html><script>alert(1)</script></html>"),
    new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
  ),
).filter(refused);
const nameAndType = fc.constantFrom(
  ["me.jpg", "image/jpeg"], ["me.png", "image/png"], ["me.webp", "image/webp"], ["x.heic", "image/heic"], ["../../etc/passwd.jpg", "image/jpeg"],
  ["사진.JPG", ""], ["a\u202egpj.exe", "application/octet-stream"], ["", "image/png"], ["x.svg", "image/svg+xml"], ["a\"b;.jpg", "image/jpeg; charset=\"x\""],
);
const badFile = fc.tuple(badBytes, nameAndType).map(([bytes, [name, type]]) => new File([bytes], name, { type }));
const goodPhoto = () => new File([jpeg(640, 480)], "me.jpg", { type: "image/jpeg" });

/** Declared sizes past the 10 MB limit (413), and ones that are not sizes at all. */
const declared = fc.oneof(fc.integer({ min: 10 * 1024 * 1024 + 64 * 1024 + 1, max: Number.MAX_SAFE_INTEGER }).map(String), fc.constantFrom("1e999", "99999999999999999999999"));

// (A part with no name at all is malformed multipart: see the last upload test.)
const wrongFieldName = fc.constantFrom("image", "File", "file[]", "files", " file", "file ", "photo", "__proto__", "constructor", "fil\u0065\u0301", "FILE");

describe("POST /api/chat/upload", () => {
  const who = rotating("fuzz-upload", 25);
  const noise = fc.array(fc.tuple(fc.constantFrom("other", "__proto__", "file[]", "image_url"), nastyString), { maxLength: 2 });
  const cases = fc.oneof(
    fc.constant<Part[]>([]),
    wrongFieldName.map((n): Part[] => [[n, goodPhoto()]]),
    nastyString.map((s): Part[] => [["file", s]]),
    badFile.map((f): Part[] => [["file", f]]),
    fc.constant(null).map((): Part[] => [["file", goodPhoto()], ["file", goodPhoto()]]),
  );
  it("refuses a form without one image file named `file`, naming the field, and stores nothing", async () => {
    await check(fc.tuple(cases, noise), async ([parts, extra]) => {
      const { browser, userId } = await who();
      await storesNothing(userId, async () => expectRefused(await send(browser, "/api/chat/upload", { method: "POST", body: form([...extra, ...parts]) }), { fields: ["file"], statuses: [400, 413, 415, 422] }), { r2: true });
    }, 60);
  });
  it("refuses a Content-Length past the limit before reading the body (413 naming file)", async () => {
    await check(fc.tuple(declared, fc.boolean()), async ([length, good]) => {
      const { browser, userId } = await who();
      const body = form([["file", good ? goodPhoto() : new File([text("not an image")], "me.jpg", { type: "image/jpeg" })]]);
      await storesNothing(userId, async () => expectRefused(await send(browser, "/api/chat/upload", { method: "POST", body, headers: { "content-length": length } }), { fields: ["file"], statuses: [413] }), { r2: true });
    }, 20);
  });
  it("refuses multipart it cannot parse, and other content types, storing nothing", async () => {
    const b = "XyZ";
    const head = (name: string, extra = "") => `--${b}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n`;
    const raw = fc.oneof(
      fc.uint8Array({ maxLength: 512 }).map((bytes) => ({ type: `multipart/form-data; boundary=${b}`, bytes })),
      fc.constantFrom(
        `${head("file", '; filename="a.jpg"')}Content-Type: image/jpeg\r\n\r\nabc`,
        `${head("file", '; filename="a.jpg"')}\r\n\r\nabc\r\n--${b}`,
        `--${b}--\r\n`,
        `${head("file")}\r\nnot a file\r\n--${b}--\r\n`,
        `${head("file", "; filename*=UTF-8''%E2%82%AC.jpg")}Content-Type: image/jpeg\r\n\r\n\u0000\u0001\r\n--${b}--\r\n`,
        `--${b}\r\n\r\n\r\n--${b}--\r\n`,
        `--${b}\r\nContent-Disposition: form-data; name=""; filename="a.jpg"\r\n\r\nabc\r\n--${b}--\r\n`,
        `${head("file", '; filename="a.jpg"')}Content-Type: multipart/mixed; boundary=inner\r\n\r\n--inner\r\n\r\nx\r\n--inner--\r\n--${b}--\r\n`,
      ).map((s) => ({ type: `multipart/form-data; boundary=${b}`, bytes: text(s) })),
      fc.tuple(fc.constantFrom("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"a b\"", "multipart/mixed; boundary=XyZ", "application/json", "text/plain", "image/jpeg", "application/octet-stream"), fc.uint8Array({ minLength: 1, maxLength: 256 })).map(([type, bytes]) => ({ type, bytes })),
      fc.constant({ type: "application/x-www-form-urlencoded", bytes: text("file=%FF%D8%FF&file=abc") }),
    );
    await check(raw, async ({ type, bytes }) => {
      const { browser, userId } = await who();
      await storesNothing(userId, async () => expectRefused(await send(browser, "/api/chat/upload", { method: "POST", body: bytes, type })), { r2: true });
    }, 40);
  });
});

// ---------------------------------------------------------------------------- try-on

const garments = { top: "", bottom: "", dress: "" };
let theirRoom = 0;
let me: { browser: Browser; userId: number };
let task = "";
beforeAll(async () => {
  me = await signedIn("fuzz-fitting");
  await seedCatalog(120);
  for (const category of ["top", "bottom", "dress"] as const) {
    garments[category] = (await env.DB.prepare("select id from products where category = ? order by id limit 1").bind(category).first<{ id: string }>())!.id;
  }
  // One finished try-on of the user's, for the hostile ids below to miss (its photo is no real picture: it fails, and stays).
  const made = await send(me.browser, "/api/fitting/try-on", { method: "POST", body: form([["model_image", goodPhoto()], ["upper_product_id", garments.top]]) });
  task = (made.body as { data: { taskId: string } }).data.taskId;
  const other = await signedIn("fuzz-tryon-other");
  theirRoom = (await other.browser.json<{ roomId: number }>("/api/occasions", { method: "POST", body: { kind: "interview", title: "Theirs", startsAt: "2030-01-01T10:00:00+09:00" } })).body.data.roomId;
});

type TryOn = { fields: Record<string, string | File | (string | File)[] | undefined>; wait?: string; spoiled: string[] };
const PHOTO = ["model_image", "model_upload_id", "model_image_url"];
const some = <T>(a: fc.Arbitrary<T>) => fc.constant(null).chain(() => a);
const lazy = (f: () => string) => fc.constant(null).map(f);
const fileWhereTextBelongs = fc.constant(null).map(() => new File([jpeg()], "x.jpg", { type: "image/jpeg" }));
const badProductId = (other: () => string) => fc.oneof(lazy(() => "999999999"), lazy(other), longer(64, { huge: false }), fc.constantFrom("", "   ", "\u3000"), fileWhereTextBelongs, lazy(() => [other(), other()] as never));

/** The spoilers of a try-on: each returns what it changes in the form and the field it spoils. */
const spoilers = (kind: "single" | "combo") => ({
  photo: fc.oneof(
    fc.constant({ model_image: undefined }),
    nastyString.map((s) => ({ model_image: s })),
    badFile.map((f) => ({ model_image: f })),
    fc.constant(null).map(() => ({ model_image: [goodPhoto(), goodPhoto()] })),
    fc.oneof(fc.uuid(), nastyString, longer(64, { huge: false }), fileWhereTextBelongs).map((id) => ({ model_image: undefined, model_upload_id: id })),
    fc.oneof(notMyPhoto, longer(2048, { huge: false })).map((url) => ({ model_image: undefined, model_image_url: url })),
  ).map((change) => ({ change, spoiled: PHOTO })),
  upper: fc.oneof(fc.constant(undefined), badProductId(() => garments.bottom)).map((v) => ({ change: { upper_product_id: v }, spoiled: ["upper_product_id"] })),
  lower: (kind === "combo" ? fc.oneof(fc.constant(undefined), badProductId(() => garments.top)) : badProductId(() => garments.top)).map((v) => ({ change: { lower_product_id: v }, spoiled: ["lower_product_id"] })),
  // A dress is worn alone.
  dressWithBottom: fc.constant(null).map(() => ({ change: { upper_product_id: garments.dress, lower_product_id: garments.bottom }, spoiled: ["lower_product_id"] })),
  hd: fc.oneof(fc.constantFrom("TRUE", "1", "yes", "", " true", "true\u0000"), nastyString.filter((s) => s !== "true" && s !== "false"), fileWhereTextBelongs).map((v) => ({ change: { hd_mode: v }, spoiled: ["hd_mode"] })),
  room: fc.oneof(badCoercedInt({ min: 1, max: Number.MAX_SAFE_INTEGER }), unknownId.map(String), lazy(() => String(theirRoom))).map((v) => ({ change: { room_id: v }, spoiled: ["room_id"] })),
  wait: fc.constantFrom("FALSE", "0", "no", "", "false ", "true,false").map((v) => ({ change: {}, wait: v, spoiled: ["wait"] })),
});

function tryOns(kind: "single" | "combo"): fc.Arbitrary<TryOn> {
  const all = spoilers(kind);
  const names = Object.keys(all) as (keyof typeof all)[];
  // No upper garment next to the dress's valid bottom would be a fine single try-on of the bottom.
  const picks = fc.subarray(names, { minLength: 1, maxLength: 2 }).filter((p) => !(p.includes("upper") && p.includes("dressWithBottom")));
  return picks.chain((picked) =>
    fc.tuple(...picked.map((n) => some(all[n] as fc.Arbitrary<{ change: TryOn["fields"]; spoiled: string[]; wait?: string }>))).map((spoils) => {
      const fields: TryOn["fields"] = { model_image: goodPhoto(), upper_product_id: garments.top, ...(kind === "combo" ? { lower_product_id: garments.bottom } : {}) };
      let wait: string | undefined = "false";
      for (const s of spoils) {
        Object.assign(fields, s.change);
        if (s.wait !== undefined) wait = s.wait;
      }
      return { fields, wait, spoiled: spoils.flatMap((s) => s.spoiled) };
    }),
  );
}

for (const [kind, path] of [["single", "/api/fitting/try-on"], ["combo", "/api/fitting/try-on/combo"]] as const) {
  describe(`POST ${path}`, () => {
    const who = rotating(`fuzz-tryon-${kind}`, 8);
    it("refuses a spoiled photo, garment, hd_mode, room_id or wait, naming it, and stores no photo or task", async () => {
      await check(tryOns(kind), async ({ fields, wait, spoiled }) => {
        const parts: Part[] = Object.entries(fields).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((one): Part => [k, one])));
        const { browser, userId } = await who();
        await storesNothing(
          userId,
          async () => expectRefused(await send(browser, `${path}${wait === undefined ? "" : `?wait=${encodeURIComponent(wait)}`}`, { method: "POST", body: form(parts) }), { fields: spoiled, statuses: [400, 404, 413, 415, 422] }),
          { r2: true },
        );
      }, 60);
    });
    it("refuses a Content-Length past the limit (413 naming the photo)", async () => {
      await check(declared, async (length) => {
        const { browser, userId } = await who();
        const body = form([["model_image", goodPhoto()], ["upper_product_id", garments.top], ["lower_product_id", garments.bottom]]);
        await storesNothing(userId, async () => expectRefused(await send(browser, `${path}?wait=false`, { method: "POST", body, headers: { "content-length": length } }), { fields: ["model_image"], statuses: [413] }), { r2: true });
      }, 10);
    });
  });
}

// ---------------------------------------------------------------------------- history

describe("GET /api/fitting/tasks", () => {
  it("refuses a bad limit or cursor, naming it", async () => {
    const bad = fc.oneof(
      fc.tuple(fc.constant("limit"), badCoercedInt({ min: 1, max: 50 })),
      fc.tuple(fc.constant("cursor"), fc.oneof(nastyString, longer(80, { huge: false }), fc.constantFrom("1_abc", `1_${"g".repeat(36)}`, "_", "1e3_00000000-0000-0000-0000-000000000000")).filter((s) => !/^\d+_[0-9a-f-]{36}$/.test(s))),
    );
    await check(fc.array(bad, { minLength: 1, maxLength: 2 }), async (pairs) => {
      const q = pairs.map(([k, v]) => `${k}=${urlText(v)}`).join("&");
      expectRefused(await send(me.browser, `/api/fitting/tasks?${q}`), { statuses: [400], fields: pairs.map(([k]) => k) });
    });
  });
});

describe("a try-on by a hostile id", () => {
  const id = fc.oneof(
    fc.uuid(),
    nastyString.filter((s) => s.trim() !== "").map(urlText),
    longer(64, { huge: false }).map(urlText),
    brokenEscapes,
    fc.constantFrom("%2e%2e", "..%2f..", "*", "%25"),
    fc.constant(null).chain(() => fc.constantFrom(task.toUpperCase(), `${task}%20`, `${task}%00`, `%20${task}`, task.slice(0, -1), `${task}x`)),
  );
  it("answers its status and its deletion with 404 (or 400 naming taskId), and deletes nothing", async () => {
    await check(fc.tuple(id, fc.constantFrom("GET /api/fitting/status/", "DELETE /api/fitting/tasks/")), ([taskId, route]) =>
      storesNothing(me.userId, async () => {
        const [method, path] = route.split(" ") as [string, string];
        const a = await send(me.browser, `${path}${taskId}`, { method });
        expectRefused(a, { statuses: [400, 404], fields: a.status === 400 ? ["taskId"] : undefined });
      }, { r2: true }),
    60);
  });
});
