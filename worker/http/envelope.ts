// The seed's response envelope `{status, message, data}` for every JSON answer, and the
// handlers that keep it true for 404s, validation failures and unexpected errors.
import type { Context, TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { AppError } from "./errors";
import type { AppEnv } from "./hono";
import { log } from "./logger";

export type Envelope<T> = { status: "success" | "fail"; message: string; data: T };

export const SUCCESS_MESSAGE = "요청 성공";

export function success<T>(data: T, message = SUCCESS_MESSAGE) {
  return { status: "success" as const, message, data };
}

export function failure(message: string, data: unknown = null): Envelope<unknown> {
  return { status: "fail", message, data };
}

type Success<T> = { status: "success"; message: string; data: T };

export function ok<T>(c: Context, data: T, message?: string): Response & TypedResponse<JSONParsed<Success<T>>, 200, "json"> {
  return c.json(success(data, message) as Success<T> & {}, 200);
}

/** "nickname: Too small…" — the first issue, naming the field, as the user-facing message. */
export function describeZodError(error: ZodError, where?: string): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.length ? issue.path.join(".") : where ?? "body";
      return `${field}: ${issue.message}`;
    })
    .join("; ");
}

export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof AppError) {
    // A service we depend on failed (the image proxy's host, a provider): worth a line.
    if (err.status >= 500) log(c, "warn", "request failed", { path: c.req.path, status: err.status, code: err.code, error: err.message });
    return c.json({ ...failure(err.message), code: err.code }, err.status, err.headers);
  }
  if (err instanceof HTTPException) {
    // Hono's own (e.g. a malformed JSON body in a validator).
    const status = err.status as ContentfulStatusCode;
    return c.json({ ...failure(err.message || "Bad request"), code: status >= 500 ? "internal" : "bad_request" }, status);
  }
  // Unexpected: log everything, show nothing internal.
  log(c, "error", "unhandled", { path: c.req.path, error: String(err), stack: err.stack });
  return c.json({ ...failure("서버 오류가 발생했습니다. 잠시 후 다시 시도해 주세요. (Internal server error)"), code: "internal" }, 500);
}

export function onNotFound(c: Context): Response {
  return c.json({ ...failure(`Not found: ${c.req.method} ${c.req.path}`), code: "not_found" }, 404);
}
