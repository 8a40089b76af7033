// The stylist team as the page shows it: the panel of three who answer side by side, the
// coordinator below them, and each expert's name and role in the current language. Each
// expert's colour lives in the CSS, keyed by `data-expert`.
import type { ExpertId } from "../../api/chat";
import { t } from "../../i18n/lang";

export const PANEL = ["style_analyst", "trend_expert", "color_expert"] as const satisfies readonly ExpertId[];

export const expertName = (id: ExpertId) => t(`expert.${id}.name`);
export const expertRole = (id: ExpertId) => t(`expert.${id}.role`);
