// The one error shape of the API: an HTTP status, a message a user can read, and a short
// machine-readable code. `onError` (http/envelope.ts) turns it into the seed's envelope.
import type { ContentfulStatusCode } from "hono/utils/http-status";

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly code: string = codeFor(status),
    /** Extra response headers (e.g. `retry-after` on a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

function codeFor(status: number): string {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 413:
      return "too_large";
    case 429:
      return "rate_limited";
    default:
      return status >= 500 ? "internal" : "error";
  }
}

export const unauthorized = () => new AppError(401, "로그인이 필요합니다. (Sign-in required)");
export const notFound = (what = "Resource") => new AppError(404, `${what} not found`);
