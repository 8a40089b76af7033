// "3분 전" / "3 minutes ago": how long ago a chat was active, in the current language, kept
// current by a clock that ticks once a minute while the page is open.
import { createSignal, onCleanup } from "solid-js";
import { lang, t } from "../../i18n/lang";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const WEEK = 7 * 86_400_000;

/** The current time, updated every minute until the calling component goes away. */
export function createClock(): () => number {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 60_000);
  onCleanup(() => clearInterval(timer));
  return now;
}

export function timeAgo(iso: string, now: number): string {
  const at = Date.parse(iso);
  const elapsed = Math.max(0, now - at);
  if (elapsed >= WEEK) return new Intl.DateTimeFormat(lang(), { month: "short", day: "numeric" }).format(at);
  const format = new Intl.RelativeTimeFormat(lang(), { numeric: "auto" });
  for (const [unit, size] of UNITS) if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  return t("chat.time.now");
}
