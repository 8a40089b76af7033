// "3분 전" / "3 minutes ago": how long ago a chat was active, in the current language, kept
// current by a clock that ticks once a minute while the page is open.
import { createSignal, onCleanup } from "solid-js";
import { timeAgo as ago } from "../../i18n/format";

/** The current time, updated every minute until the calling component goes away. */
export function createClock(): () => number {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 60_000);
  onCleanup(() => clearInterval(timer));
  return now;
}

export const timeAgo = (iso: string, now: number): string => ago(Date.parse(iso), now);
