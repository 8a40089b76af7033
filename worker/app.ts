// The HTTP face of Debut: middleware, every /api router, the API docs, and the envelope for
// anything that goes wrong. Non-API paths fall through to the SPA's static assets.
import { onError, onNotFound } from "./http/envelope";
import { router } from "./http/hono";
import { requestLog } from "./http/logger";
import { mountDocs } from "./http/openapi";
import { sameOrigin } from "./http/origin";
import { securityHeaders } from "./http/security-headers";
import auth from "./routes/auth";
import chat from "./routes/chat";
import fitting from "./routes/fitting";
import health from "./routes/health";
import occasions from "./routes/occasions";
import images from "./routes/images";
import products from "./routes/products";
import proxy from "./routes/proxy";
import uploads from "./routes/uploads";
import voice from "./routes/voice";

const app = router();

app.use("/api/*", requestLog);
app.use("/api/*", securityHeaders);
app.use("/api/*", sameOrigin);

app.route("/api/health", health);
app.route("/api/auth", auth);
app.route("/", products);
app.route("/", chat);
app.route("/", images);
app.route("/", uploads);
app.route("/", proxy);
app.route("/", fitting);
app.route("/", occasions);
app.route("/", voice);
mountDocs(app);

app.notFound((c) => (c.req.path.startsWith("/api/") || c.req.path === "/api" ? onNotFound(c) : c.env.ASSETS.fetch(c.req.raw)));
app.onError(onError);

export default app;
