// Which provider runs a try-on: FITTING_ENGINE picks one; `auto` takes FitRoom when its key is
// set and the local compositor otherwise.
import type { Config } from "../../config";
import { AppError } from "../../http/errors";
import { createFitRoomProvider } from "./fitroom.ts";
import { localProvider } from "./local.ts";
import type { TryOnProvider } from "./provider.ts";

export function selectProvider(c: Config): TryOnProvider {
  const choice = c.engines.fitting;
  return providerNamed(c, choice === "fitroom" || (choice === "auto" && c.fitting.fitroom) ? "fitroom" : "local");
}

/** The provider a task was started with (its job runs on the same one, whatever the config says now). */
export function providerNamed(c: Config, name: TryOnProvider["name"]): TryOnProvider {
  if (name === "local") return localProvider;
  if (!c.fitting.fitroom) throw new AppError(500, "Server misconfigured: FITTING_ENGINE=fitroom but FITROOM_API_KEY is not set (wrangler secret put FITROOM_API_KEY, or .dev.vars locally).", "config");
  return createFitRoomProvider(c.fitting.fitroom);
}
