// The Hono flavour every router uses: typed bindings and context variables, OpenAPI-aware
// routing, and zod validation failures answered as a 400 envelope naming the field.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { SessionUser } from "../auth/session";
import { describeZodError, failure } from "./envelope";

export type AppEnv = {
  Bindings: Env;
  /** requestId: set for every /api request by http/logger.ts (cf-ray or a UUID). */
  Variables: { user: SessionUser; sessionId: string; requestId: string };
};

export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json({ ...failure(describeZodError(result.error, result.target)), code: "validation" }, 400);
      }
    },
  });
}
