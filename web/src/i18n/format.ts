// Numbers, dates and "3 minutes ago" in our two languages, written out rather than asked of
// Intl: the first Intl formatter a page makes (NumberFormat, DateTimeFormat,
// RelativeTimeFormat alike) sets up ICU's data, 35–50 ms of main thread in Chromium on the
// benchmark machine and four times that on Lighthouse's phone (bench/lighthouse.ts) — more
// than everything else the chat or the report page does on a first render. These are the
// shapes Intl gives in each language (its `medium` date and `short` time, a month and day,
// `numeric: "auto"` relative times), in the browser's own time zone. Formatting in a named
// time zone (an occasion's) still takes Intl.
import { lang, t } from "./lang";

/** 1234567 → "1,234,567" (Korean and English both group thousands with a comma). */
export function groupDigits(n: number): string {
  const [whole, fraction] = String(Math.abs(Math.round(n * 1000) / 1000)).split(".");
  return `${n < 0 ? "-" : ""}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ? `.${fraction}` : ""}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Dec 3" / "12월 3일". */
export function monthDay(at: number): string {
  const d = new Date(at);
  return lang() === "ko" ? `${d.getMonth() + 1}월 ${d.getDate()}일` : `${MONTHS[d.getMonth()]} ${d.getDate()}`;
}

/** "Dec 3, 2026, 2:57 PM" / "2026. 12. 3. 오후 2:57". */
export function dateTime(at: number): string {
  const d = new Date(at);
  const hours = d.getHours() % 12 || 12;
  const minutes = String(d.getMinutes()).padStart(2, "0");
  const pm = d.getHours() >= 12;
  return lang() === "ko"
    ? `${d.getFullYear()}. ${d.getMonth() + 1}. ${d.getDate()}. ${pm ? "오후" : "오전"} ${hours}:${minutes}`
    : `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}, ${hours}:${minutes} ${pm ? "PM" : "AM"}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "3 minutes ago", "yesterday", …; past a week, the date ("Dec 3"). */
export function timeAgo(at: number, now: number): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed >= 7 * DAY) return monthDay(at);
  if (elapsed >= DAY) {
    const n = Math.floor(elapsed / DAY);
    return n === 1 ? t("time.yesterday") : n === 2 ? t("time.twoDaysAgo") : t("time.daysAgo", { n });
  }
  if (elapsed >= HOUR) {
    const n = Math.floor(elapsed / HOUR);
    return n === 1 ? t("time.hourAgo") : t("time.hoursAgo", { n });
  }
  if (elapsed >= MINUTE) {
    const n = Math.floor(elapsed / MINUTE);
    return n === 1 ? t("time.minuteAgo") : t("time.minutesAgo", { n });
  }
  return t("chat.time.now");
}
