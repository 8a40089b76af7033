// What the browser can tell about a photo before sending it: its type (by the file's declared
// type, or its name when the system gave none) and its size. The server checks the bytes.
import type { MessageKey } from "../../i18n/ko";

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic"];
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_NAME = /\.(jpe?g|png|webp|heic)$/i;

export type Problem = { key: MessageKey; vars?: Record<string, string> };

export function photoProblem(file: File): Problem | null {
  const typeOk = file.type ? PHOTO_TYPES.includes(file.type) : PHOTO_NAME.test(file.name);
  if (!typeOk) return { key: "upload.error.type" };
  if (file.size > MAX_PHOTO_BYTES) return { key: "upload.error.size", vars: { size: (Math.ceil((file.size / 1024 / 1024) * 10) / 10).toFixed(1) } };
  return null;
}
