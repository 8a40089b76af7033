// The person in a try-on: a photo sent with the request (stored as an upload first, checked
// by its bytes, so it is kept whatever happens next) or one of the user's earlier uploads,
// named by its id or its image URL.
import { photoKeyOf } from "../chat/turn.ts";
import { AppError } from "../http/errors";
import { storeUpload } from "../images/uploads";

export type ModelPhoto = { uploadId: string; key: string; contentType: string; url: string };

export async function modelPhotoOf(env: Pick<Env, "DB" | "IMAGES">, userId: number, given: { file?: unknown; uploadId?: string; imageUrl?: string }): Promise<ModelPhoto> {
  if (given.file instanceof File) {
    const stored = await storeUpload(env, userId, given.file, "model_image");
    return { uploadId: stored.id, key: stored.key, contentType: stored.contentType, url: stored.url };
  }
  const key = given.imageUrl ? await photoKeyOf(env.DB, userId, given.imageUrl, "model_image_url") : null;
  if (!key && !given.uploadId) throw new AppError(400, "model_image: 사진을 올리거나 이전에 올린 사진을 골라 주세요. (a photo of you is required)");
  const row = await env.DB.prepare(`select id, r2_key, content_type from uploads where user_id = ? and ${key ? "r2_key" : "id"} = ?`)
    .bind(userId, key ?? given.uploadId)
    .first<{ id: string; r2_key: string; content_type: string }>();
  if (!row) throw new AppError(404, "model_upload_id: 올린 사진을 찾을 수 없습니다. (not one of your uploads)");
  return { uploadId: row.id, key: row.r2_key, contentType: row.content_type, url: `/api/images/${row.r2_key}` };
}
