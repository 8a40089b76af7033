// POST /api/chat/upload (the seed's path): a photo for the stylists or the try-on, multipart
// field `file`. Answers the image URL (served only to its owner) and the upload's id.
import { createRoute, z } from "@hono/zod-openapi";
import { requireUser } from "../auth/session";
import { MAX_UPLOAD_BYTES, storeUpload } from "../images/uploads";
import { ok } from "../http/envelope";
import { router } from "../http/hono";
import { refuseOversize } from "../http/limits";
import { checkLimit } from "../http/rate-limit";
import { cookieAuth, envelope, errors, failureResponse } from "../http/openapi";

const uploads = router();

uploads.use("/api/chat/upload", requireUser, refuseOversize(MAX_UPLOAD_BYTES));

uploads.openapi(
  createRoute({
    method: "post",
    path: "/api/chat/upload",
    tags: ["Uploads"],
    summary: "Upload a photo (JPEG, PNG or WebP, ≤ 10 MB), checked by its bytes",
    security: cookieAuth,
    request: {
      body: {
        required: true,
        content: { "multipart/form-data": { schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }) } },
      },
    },
    responses: {
      200: envelope(
        z
          .object({ upload_id: z.string(), image_url: z.string(), url: z.string(), content_type: z.string(), size: z.number(), width: z.number(), height: z.number() })
          .openapi("Upload"),
      ),
      400: errors[400],
      401: errors[401],
      413: failureResponse("Larger than 10 MB"),
      415: failureResponse("Not a JPEG, PNG or WebP image (by its bytes)"),
      422: failureResponse("Image dimensions out of range"),
      429: errors[429],
    },
  }),
  async (c) => {
    await checkLimit(c, "upload");
    const stored = await storeUpload(c.env, c.get("user").id, c.req.valid("form").file);
    return ok(
      c,
      { upload_id: stored.id, image_url: stored.url, url: stored.url, content_type: stored.contentType, size: stored.size, width: stored.width, height: stored.height },
      "이미지가 업로드되었습니다.",
    );
  },
);

export default uploads;
