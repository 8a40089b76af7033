// "In 3 days" / "3일 남음", "Today", "2 days ago", from the occasion's time and now.
import { lang, t } from "../../i18n/lang";

export function countdown(startsAt: number, now = Date.now()): string {
  const ms = startsAt - now;
  const days = Math.round(ms / 86_400_000);
  if (Math.abs(ms) < 86_400_000 && new Date(startsAt).toDateString() === new Date(now).toDateString()) return t("occasions.today");
  return new Intl.RelativeTimeFormat(lang(), { numeric: "auto" }).format(days === 0 ? Math.sign(ms) : days, "day");
}
