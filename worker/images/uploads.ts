// Storing a user's photo: checked by magic bytes, size, pixel dimensions and structure (no
// polyglots) before anything is written, then put in R2 under the user's own prefix (the
// image proper, nothing after its end) and recorded in D1. Used by the chat upload and the
// try-on (model photo).
import { AppError } from "../http/errors";
import { sniffImage } from "./sniff";
import { polyglotReason, structureOf } from "./structure";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** A 40-megapixel cap refuses decompression bombs (a tiny file claiming 50,000 × 50,000). */
export const MAX_PIXELS = 40_000_000;
export const MAX_SIDE = 12_000;

const REFUSALS = {
  heic: "HEIC/HEIF/AVIF 사진은 아직 지원하지 않습니다. JPEG나 PNG로 올려 주세요. (HEIC/AVIF are not supported yet: please upload JPEG, PNG or WebP.)",
  svg: "SVG는 업로드할 수 없습니다. (SVG files are not accepted.)",
  gif: "GIF는 업로드할 수 없습니다. JPEG, PNG, WebP만 가능합니다. (Only JPEG, PNG and WebP are accepted.)",
  unknown: "이미지 파일(JPEG, PNG, WebP)만 올릴 수 있습니다. (Only JPEG, PNG and WebP images are accepted.)",
  corrupt: "이미지 파일이 손상되었습니다. (The image file is damaged.)",
} as const;

export type StoredUpload = { id: string; key: string; url: string; contentType: string; size: number; width: number; height: number };

/** `field` is the form field the file came in, named by every refusal (`model_image` in a try-on). */
export async function storeUpload(env: Pick<Env, "IMAGES" | "DB">, userId: number, file: unknown, field = "file"): Promise<StoredUpload> {
  if (!(file instanceof File)) throw new AppError(400, `${field}: 업로드할 이미지 파일이 필요합니다. (an image file is required)`);
  if (file.size === 0) throw new AppError(400, `${field}: 빈 파일입니다. (the file is empty)`);
  if (file.size > MAX_UPLOAD_BYTES) throw new AppError(413, `${field}: 10MB 이하의 이미지만 올릴 수 있습니다. (images up to 10 MB)`, "too_large");

  const sent = new Uint8Array(await file.arrayBuffer());
  const kind = sniffImage(sent.subarray(0, 64 * 1024));
  if ("refused" in kind) throw new AppError(415, `${field}: ${REFUSALS[kind.refused]}`, "unsupported_image");
  if (kind.width < 1 || kind.height < 1 || kind.width > MAX_SIDE || kind.height > MAX_SIDE || kind.width * kind.height > MAX_PIXELS) {
    throw new AppError(422, `${field}: 이미지 크기(${kind.width}×${kind.height})가 허용 범위를 벗어났습니다. (image dimensions out of range)`, "bad_dimensions");
  }
  const structure = structureOf(sent, kind.type);
  if (!structure) throw new AppError(415, `${field}: ${REFUSALS.corrupt}`, "unsupported_image");
  const polyglot = polyglotReason(sent, structure);
  if (polyglot) throw new AppError(415, `${field}: 이미지가 아닌 내용이 들어 있어 받을 수 없습니다. (Refused: ${polyglot}.)`, "polyglot");
  const bytes = sent.subarray(0, structure.end);

  const id = crypto.randomUUID();
  const key = `users/${userId}/uploads/${id}.${kind.ext}`;
  await env.IMAGES.put(key, bytes, {
    httpMetadata: { contentType: kind.type, cacheControl: "private, max-age=3600" },
    customMetadata: { userId: String(userId), width: String(kind.width), height: String(kind.height) },
  });
  await env.DB.prepare("insert into uploads (id, user_id, r2_key, content_type, size, width, height) values (?, ?, ?, ?, ?, ?, ?)")
    .bind(id, userId, key, kind.type, bytes.byteLength, kind.width, kind.height)
    .run();
  return { id, key, url: `/api/images/${key}`, contentType: kind.type, size: bytes.byteLength, width: kind.width, height: kind.height };
}
