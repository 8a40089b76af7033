// OpenAPI helpers: the envelope schema around any data schema, the standard error answers,
// and the document + Swagger UI mounted at /api/openapi.json and /api/docs.
import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { swaggerUI } from "@hono/swagger-ui";
import { SESSION_COOKIE } from "../auth/cookies";
import type { AppEnv } from "./hono";

export function envelope<T extends z.ZodType>(data: T, description = "Success") {
  return {
    description,
    content: {
      "application/json": {
        schema: z.object({ status: z.literal("success"), message: z.string(), data }),
      },
    },
  };
}

const Failure = z
  .object({ status: z.literal("fail"), message: z.string(), data: z.null(), code: z.string().optional() })
  .openapi("Failure");

export function failureResponse(description: string) {
  return { description, content: { "application/json": { schema: Failure } } };
}

export const errors = {
  400: failureResponse("Invalid input; the message names the field"),
  401: failureResponse("Not signed in"),
  403: failureResponse("Refused"),
  404: failureResponse("Not found"),
  429: failureResponse("Too many requests: try again after `retry-after` seconds"),
} as const;

export const cookieAuth = [{ cookieAuth: [] }];

export function mountDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "cookieAuth", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Debut API",
      version: "1.0.0",
      description:
        "Dress for the moment that matters, and rehearse it out loud. Every JSON answer is the envelope `{status, message, data}`; sign in with Kakao or, locally, the dev login, and the session cookie does the rest.",
    },
  });
  app.get("/api/docs", swaggerUI({ url: "/api/openapi.json", title: "Debut API" }));
}
