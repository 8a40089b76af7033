// What to tell the user about a failed call: the server's own message when it sent one (it
// names the field that was wrong), a localized sentence when the network or the server broke.
import { ApiError } from "../api/client";
import { t } from "./lang";

export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.isNetwork) return t("error.network");
    if (err.status >= 500) return t("error.generic");
    return err.message;
  }
  return t("error.generic");
}
