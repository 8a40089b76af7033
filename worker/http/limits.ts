// Refuses a request body larger than a route allows from its Content-Length, before any
// of it is read (multipart overhead allowed on top of the file limit).
import type { MiddlewareHandler } from "hono";
import { AppError } from "./errors";

/** `field` is the form field of the file, named in the refusal. */
export function refuseOversize(maxFileBytes: number, field = "file"): MiddlewareHandler {
  const limit = maxFileBytes + 64 * 1024;
  return async (c, next) => {
    const declared = Number(c.req.header("content-length") ?? 0);
    if (declared > limit) {
      throw new AppError(413, `${field}: ${Math.round(maxFileBytes / 1024 / 1024)}MB 이하의 이미지만 올릴 수 있습니다. (images up to ${Math.round(maxFileBytes / 1024 / 1024)} MB)`, "too_large");
    }
    await next();
  };
}
