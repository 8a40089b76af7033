// Serving images from R2: catalog garment images to anyone (long cache), a user's own
// uploads and try-on results only to that user (private cache). ETag/If-None-Match lets
// browsers revalidate without the bytes.
import type { Context } from "hono";
import { currentSession } from "../auth/session";
import { AppError, unauthorized } from "../http/errors";
import { router, type AppEnv } from "../http/hono";

const images = router();

/** `users/{userId}/…` keys belong to that user; `catalog/…` keys are public. */
function ownerOf(key: string): number | "public" | null {
  if (key.startsWith("catalog/")) return "public";
  const m = /^users\/(\d+)\//.exec(key);
  return m ? Number(m[1]) : null;
}

async function serve(c: Context<AppEnv>) {
  let key: string;
  try {
    key = decodeURIComponent(c.req.path.slice("/api/images/".length));
  } catch {
    // A stray % that decodes to nothing ("%E0%A4%A"): no key of ours.
    throw new AppError(400, "Invalid image path");
  }
  if (!key || key.includes("..")) throw new AppError(400, "Invalid image path");
  const owner = ownerOf(key);
  if (owner === null) throw new AppError(404, "Image not found");
  if (owner !== "public") {
    const session = await currentSession(c);
    if (!session) throw unauthorized();
    // Another user's image answers exactly like a missing one.
    if (session.user.id !== owner) throw new AppError(404, "Image not found");
  }
  // R2 throws on a malformed conditional header (If-None-Match: foo), which a server may
  // ignore (RFC 9110 §13.1): then the image is served as if it were absent.
  const object = await c.env.IMAGES.get(key, { onlyIf: c.req.raw.headers }).catch(() => c.env.IMAGES.get(key));
  if (!object) throw new AppError(404, "Image not found");
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set("etag", object.httpEtag);
  headers.set("cache-control", owner === "public" ? "public, max-age=86400" : "private, max-age=3600");
  headers.set("x-content-type-options", "nosniff");
  if (!("body" in object) || !object.body) return new Response(null, { status: 304, headers });
  return new Response(object.body, { headers });
}

images.get("/api/images/*", serve);

export default images;
