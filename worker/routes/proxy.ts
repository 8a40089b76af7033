// The seed's image proxy: GET /api/fitting/proxy-image?imageUrl=… answers the image bytes
// with the seed's CORS and caching headers (cached with the Cache API), and
// GET /api/fitting/proxy-test says whether the proxy is up.
import { createRoute, z } from "@hono/zod-openapi";
import { requireUser } from "../auth/session";
import { config } from "../config";
import { proxyImage } from "../images/proxy";
import { router } from "../http/hono";
import { cookieAuth, errors, failureResponse } from "../http/openapi";

const proxy = router();

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, OPTIONS",
  "access-control-allow-headers": "*",
  "cache-control": "public, max-age=3600",
};

proxy.use("/api/fitting/proxy-image", requireUser);

proxy.openapi(
  createRoute({
    method: "get",
    path: "/api/fitting/proxy-image",
    tags: ["Fitting"],
    summary: "Proxy an outside image from an allow-listed host (CORS headers, cached)",
    security: cookieAuth,
    request: { query: z.object({ imageUrl: z.string().min(1).max(2048) }) },
    responses: {
      200: { description: "The image bytes", content: { "image/*": { schema: z.any().openapi({ type: "string", format: "binary" }) } } },
      400: errors[400],
      401: errors[401],
      403: failureResponse("Host not allowed, or a private address"),
      415: failureResponse("Not an image"),
      502: failureResponse("The image host failed"),
    },
  }),
  async (c) => {
    const { imageUrl } = c.req.valid("query");
    const cache = (caches as unknown as { default: Cache }).default;
    const key = new Request(`https://image-proxy.cache/${encodeURIComponent(imageUrl)}`);
    const hit = await cache.match(key);
    if (hit) return hit;
    const image = await proxyImage(imageUrl, config(c.env).imageProxyHosts);
    const response = new Response(image.body, { headers: { ...CORS, "content-type": image.contentType, "x-content-type-options": "nosniff" } });
    c.executionCtx.waitUntil(cache.put(key, response.clone()));
    return response;
  },
);

proxy.openapi(
  createRoute({
    method: "get",
    path: "/api/fitting/proxy-test",
    tags: ["Fitting"],
    summary: "Is the image proxy working (the seed's health check)",
    responses: {
      200: {
        description: "The proxy is up",
        content: { "application/json": { schema: z.object({ status: z.literal("success"), message: z.string(), data: z.object({ allowedHosts: z.array(z.string()) }) }) } },
      },
    },
  }),
  (c) => c.json({ status: "success" as const, message: "프록시 API가 정상 작동합니다.", data: { allowedHosts: config(c.env).imageProxyHosts } }, 200),
);

export default proxy;
