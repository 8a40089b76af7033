// GET /api/health: is the Worker up and can it reach D1; which engines would answer.
import { createRoute, z } from "@hono/zod-openapi";
import { config } from "../config";
import { ok } from "../http/envelope";
import { router } from "../http/hono";
import { envelope, failureResponse } from "../http/openapi";

const health = router();

health.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["Health"],
    summary: "Liveness and database reachability",
    responses: {
      200: envelope(z.object({ ok: z.literal(true), env: z.string(), db: z.literal(true) }).openapi("Health")),
      503: failureResponse("The database is unreachable"),
    },
  }),
  async (c) => {
    await c.env.DB.prepare("select 1").first();
    return ok(c, { ok: true as const, env: config(c.env).env, db: true as const });
  },
);

export default health;
