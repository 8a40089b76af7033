// The SPA's numbers and dates (web/src/i18n/format.ts) are written out rather than asked of
// Intl, for the first render's sake; they must read as Intl would have written them. Node has
// the same ICU data as Chromium, so each shape is checked against Intl itself, in both
// languages, over a spread of instants (midnight, noon, the hours either side, both ends of
// the year, in whatever time zone the machine is in, as the browser's) and of elapsed times
// at and around each unit's edge.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { en } from "../../web/src/i18n/en";
import { ko } from "../../web/src/i18n/ko";

const state = vi.hoisted(() => ({ lang: "ko" as "ko" | "en" }));
vi.mock("../../web/src/i18n/lang", () => ({
  lang: () => state.lang,
  t: (key: keyof typeof ko, vars?: Record<string, string | number>) =>
    (state.lang === "ko" ? ko : en)[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name])),
}));
const { dateTime, groupDigits, monthDay, timeAgo } = await import("../../web/src/i18n/format");

// Intl puts a narrow no-break space before "PM"; ours is a plain space, which reads the same.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

const instants = [
  new Date(2026, 0, 1, 0, 0),
  new Date(2026, 0, 1, 0, 5),
  new Date(2026, 2, 9, 11, 59),
  new Date(2026, 6, 14, 12, 0),
  new Date(2026, 6, 14, 12, 30),
  new Date(2026, 9, 31, 13, 7),
  new Date(2026, 11, 3, 23, 59),
  new Date(2027, 4, 20, 9, 3),
].map((d) => d.getTime());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const elapsed = [
  [MINUTE, "minute"],
  [MINUTE + 59_000, "minute"],
  [2 * MINUTE, "minute"],
  [59 * MINUTE + 59_000, "minute"],
  [HOUR, "hour"],
  [2 * HOUR + 5 * MINUTE, "hour"],
  [23 * HOUR + 59 * MINUTE, "hour"],
  [DAY, "day"],
  [DAY + 23 * HOUR, "day"],
  [2 * DAY, "day"],
  [6 * DAY + 23 * HOUR, "day"],
] as const;

describe.each(["ko", "en"] as const)("in %s", (lang) => {
  beforeAll(() => {
    state.lang = lang;
  });

  test("a date and time reads as Intl's medium date and short time", () => {
    const intl = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" });
    for (const at of instants) expect(dateTime(at), new Date(at).toString()).toBe(plain(intl.format(at)));
  });

  test("a month and day reads as Intl's short month and numeric day", () => {
    const intl = new Intl.DateTimeFormat(lang, { month: "short", day: "numeric" });
    for (const at of instants) expect(monthDay(at)).toBe(intl.format(at));
  });

  test("a time ago reads as Intl's relative time, and a week or more as the date", () => {
    const intl = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
    const now = instants[5]!;
    for (const [ms, unit] of elapsed) {
      const size = unit === "minute" ? MINUTE : unit === "hour" ? HOUR : DAY;
      expect(timeAgo(now - ms, now), `${ms} ms`).toBe(intl.format(-Math.floor(ms / size), unit));
    }
    expect(timeAgo(now - 30_000, now)).toBe(lang === "ko" ? "방금 전" : "just now");
    expect(timeAgo(now + 5_000, now)).toBe(lang === "ko" ? "방금 전" : "just now"); // a clock a little behind the server's
    const weekAgo = now - 7 * DAY;
    expect(timeAgo(weekAgo, now)).toBe(new Intl.DateTimeFormat(lang, { month: "short", day: "numeric" }).format(weekAgo));
  });
});

test("digits are grouped in thousands as Intl's en-US number format groups them", () => {
  const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });
  for (const n of [0, 7, 999, 1000, 39_000, 129_900, 1_234_567, 10_000_000, -45_000, 12.5, 1234.125]) {
    expect(groupDigits(n)).toBe(intl.format(n));
  }
});
