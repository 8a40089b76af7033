// Fuzzing the catalog's query routes (the search's filters and paging, one product by id on
// both paths: public, so signed out), serving images from R2 by a hostile key or with hostile
// conditional headers, and the image proxy's imageUrl (fetched only from allow-listed hosts).
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { CATEGORIES, SEASONS, STYLE_TAGS, SUBCATEGORIES, TPO_TAGS } from "../../worker/catalog/vocabulary";
import { seedCatalog } from "../catalog/seed";
import { Browser } from "../client";
import { png } from "../images/fixtures";
import { badCoercedInt, badEnum, brokenEscapes, longer, nastyString, urlText } from "./hostile";
import { check, expectAnswered, expectRefused, send, signedIn } from "./probe";

let me: { browser: Browser; userId: number };
const CATALOG_KEY = "catalog/fuzz/shirt.png";
beforeAll(async () => {
  await seedCatalog(120);
  me = await signedIn("fuzz-images");
  await env.IMAGES.put(CATALOG_KEY, png(4, 4), { httpMetadata: { contentType: "image/png" } });
});

const anon = new Browser();
type Pair = [string, string | { raw: string }];
const query = (pairs: Pair[]) => pairs.map(([k, v]) => `${k}=${typeof v === "string" ? urlText(v) : v.raw}`).join("&");
const csvOf = (values: string[]) => fc.subarray(values, { minLength: 1, maxLength: 3 }).map((v) => v.join(","));
/** A comma-separated list with at least one unknown value in it. */
const badCsv = (values: string[]) =>
  fc.tuple(fc.subarray(values, { maxLength: 2 }), fc.oneof(nastyString, fc.constantFrom("TOP", "top\u200d", "top;drop", "__proto__")).filter((s) => s.trim() !== "" && !s.split(",").every((i) => !i.trim() || values.includes(i.trim()))), fc.nat()).map(([ok, bad, at]) => {
    const items = [...ok];
    items.splice(at % (items.length + 1), 0, bad);
    return items.join(",");
  });
const lists = {
  category: Object.keys(CATEGORIES),
  subcategory: Object.keys(SUBCATEGORIES),
  style: Object.keys(STYLE_TAGS),
  tpo: Object.keys(TPO_TAGS),
};

describe("GET /api/products/search", () => {
  it("refuses a bad filter, price, limit or paging value, naming it", async () => {
    const price = badCoercedInt({ min: 0, max: 50_000_000 });
    const bad = fc.oneof(
      fc.tuple(fc.constant("q"), longer(200, { huge: false })),
      ...Object.entries(lists).map(([k, values]) => fc.tuple(fc.constant(k), fc.oneof(badCsv(values), longer(300, { huge: false })))),
      fc.tuple(fc.constant("gender"), badEnum(["women", "men"]).filter((v): v is string => typeof v === "string")),
      fc.tuple(fc.constant("season"), badEnum(Object.keys(SEASONS)).filter((v): v is string => typeof v === "string")),
      fc.tuple(fc.constant("color"), longer(200, { huge: false })),
      fc.tuple(fc.constantFrom("min_price", "max_price"), price),
      fc.tuple(fc.constant("limit"), badCoercedInt({ min: 1, max: 50 })),
      fc.tuple(fc.constant("cursor"), longer(200, { huge: false })),
      // The same single-valued parameter twice.
      fc.tuple(fc.constantFrom("q", "gender", "season", "min_price", "limit", "cursor"), fc.constant(null)).map(([k]) => [k, "__twice__"] as [string, string]),
    );
    await check(fc.array(bad, { minLength: 1, maxLength: 2 }), async (bads) => {
      const pairs: Pair[] = bads.flatMap(([k, v]): Pair[] => (v === "__twice__" ? [[k, k === "min_price" || k === "limit" ? "1" : "women"], [k, k === "min_price" || k === "limit" ? "2" : "men"]] : [[k, v]]));
      expectRefused(await send(anon, `/api/products/search?${query(pairs)}`), { statuses: [400], fields: bads.map(([k]) => k) });
    }, 80);
  });

  it("refuses a minimum price above the maximum, naming min_price", async () => {
    await check(fc.tuple(fc.integer({ min: 1, max: 50_000_000 }), fc.integer({ min: 1, max: 50_000_000 })).filter(([a, b]) => a > b), async ([min, max]) => {
      expectRefused(await send(anon, `/api/products/search?min_price=${min}&max_price=${max}`), { statuses: [400], fields: ["min_price"] });
    }, 20);
  });

  it("answers any valid search, however odd its words, lists, colours or cursor (200)", async () => {
    const valid = fc.record(
      {
        q: nastyString.filter((s) => [...s.trim()].length <= 200),
        category: fc.oneof(csvOf(lists.category), fc.constantFrom(",", " , ,", "top,,top")),
        style: csvOf(lists.style),
        tpo: csvOf(lists.tpo),
        gender: fc.constantFrom("women", "men"),
        color: nastyString.filter((s) => [...s].length <= 200),
        season: fc.constantFrom(...Object.keys(SEASONS)),
        min_price: fc.constantFrom("0", "0x10", " 5 ", "1e3", "50000000"),
        limit: fc.constantFrom("1", "50", "07"),
        cursor: fc.oneof(nastyString.filter((s) => [...s].length <= 200), fc.constantFrom(btoa(JSON.stringify({ o: 10 })), btoa(JSON.stringify({ o: 1e308 })), btoa("{\"o\":-1}"), btoa("null"), "eyJvIjoxMH0")),
        unknown: nastyString,
      },
      { requiredKeys: [] },
    );
    await check(valid, async (params) => {
      const pairs: Pair[] = [...Object.entries(params), ["__proto__", "x"], ["constructor", "y"]];
      expectAnswered(await send(anon, `/api/products/search?${query(pairs)}`), [200]);
    }, 50);
  });
});

describe("one product by id", () => {
  it("refuses an id that is not 1–12 digits (400 naming productId) and answers 404 for one that does not exist", async () => {
    const id = fc.oneof(
      nastyString.filter((s) => s !== "" && !/^\d{1,12}$/.test(s)).map(urlText),
      fc.constantFrom("１２３", "-1", "1.5", "1e3", "0x10", "9".repeat(13), " 1", "1%20", "%00"),
      brokenEscapes,
      fc.bigInt({ min: 10n ** 12n, max: 10n ** 30n }).map(String),
      fc.integer({ min: 900_000_000, max: 999_999_999 }).map(String),
    );
    await check(fc.tuple(id, fc.constantFrom("/api/products/", "/api/chat/product/")), async ([productId, base]) => {
      const a = await send(anon, `${base}${productId}`);
      expectRefused(a, { statuses: [400, 404], fields: a.status === 400 ? ["productId"] : undefined });
    }, 50);
  });
});

describe("GET /api/images/{key}", () => {
  it("answers a hostile key with 400, 401 or 404 in the envelope, never a 5xx", async () => {
    const segment = fc.oneof(nastyString.filter((s) => s !== "").map(urlText), brokenEscapes, fc.constantFrom("..", "%2e%2e", "%2F", "%5C", ".%00."));
    const key = fc.tuple(fc.constantFrom("", "catalog/", "users/", `users/${"1"}/uploads/`, "users/me/", "users/-1/", "users/1e3/"), fc.array(segment, { minLength: 1, maxLength: 3 })).map(([prefix, parts]) => prefix.replace("users/me/", `users/${me.userId}/`) + parts.join("/"));
    await check(fc.tuple(key, fc.boolean()), async ([k, signedInToo]) => {
      const path = `/api/images/${k}`;
      const a = await send(signedInToo ? me.browser : new Browser(), path);
      // Dot segments can climb out of /api/images/ (the URL is normalised first): then it is no request to this route.
      if (!new URL(path, "http://localhost").pathname.startsWith("/api/images/")) return expectAnswered(a);
      expectRefused(a, { statuses: [400, 401, 404] });
    }, 60);
  });
  it("serves a catalog image whatever its conditional headers say (200, 304 or 412)", async () => {
    const value = fc.oneof(fc.constantFrom('"', '""', "*", "W/", 'W/"x"', "Thu, 01 Jan 1970 00:00:00 GMT", "Mon, 32 Foo 99999 99:99:99 XYZ", "-1", "1e999", "bytes=0-", "bytes=-0", "bytes=99999999-"), fc.string({ unit: "binary-ascii", maxLength: 60 }).filter((s) => !/[\r\n\u0000]/.test(s)));
    const header = fc.constantFrom("if-none-match", "if-match", "if-modified-since", "if-unmodified-since", "range");
    await check(fc.array(fc.tuple(header, value), { minLength: 1, maxLength: 3 }), async (pairs) => {
      expectAnswered(await send(new Browser(), `/api/images/${CATALOG_KEY}`, { headers: Object.fromEntries(pairs) }), [200, 206, 304, 412, 416]);
    }, 40);
  });
});

describe("GET /api/fitting/proxy-image", () => {
  const allowed = (host: string) => host === "images.test" || host.endsWith(".cdn.test");
  const imageUrl = fc.oneof(
    nastyString,
    longer(2048, { huge: false }),
    fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true } }).filter((u) => !allowed(new URL(u).hostname) || new URL(u).username !== "" || (new URL(u).port !== "" && new URL(u).port !== "80" && new URL(u).port !== "443")),
    fc.constantFrom(
      "javascript:alert(1)", "file:///etc/passwd", "data:image/png;base64,AAAA", "ftp://images.test/shirt.jpg", "gopher://images.test/",
      "http://127.0.0.1/", "http://[::1]/", "http://0x7f000001/", "http://2130706433/", "http://169.254.169.254/latest/meta-data/", "http://localhost/shirt.jpg", "http://metadata.google.internal/",
      "http://images.test@evil.test/shirt.jpg", "http://evil.test#@images.test/shirt.jpg", "http://images.test.evil.test/shirt.jpg", "http://images.test:8080/shirt.jpg", "https://user:pw@images.test/shirt.jpg",
      "http://images.test/page.html", "//images.test/shirt.jpg", "/api/images/catalog/x.png", "http://[::ffff:127.0.0.1]/", "http://images.test\u0000/shirt.jpg", "http://ｉｍａｇｅｓ.test/page.html",
    ),
  );
  // (Full-width letters normalise to the allowed host: its page.html is fetched and refused as no image.)
  it("refuses an imageUrl it must not fetch (400, 403 or 415 naming imageUrl)", async () => {
    await check(fc.array(imageUrl, { minLength: 0, maxLength: 2 }), async (urls) => {
      const q = urls.map((u) => `imageUrl=${urlText(u)}`).join("&");
      expectRefused(await send(me.browser, `/api/fitting/proxy-image?${q}`), { statuses: [400, 403, 415], fields: ["imageUrl"] });
    }, 60);
  });
});
