// POST /api/chat/upload with upload progress, which fetch cannot report: an XMLHttpRequest
// on the same origin with the session cookie, answering the envelope's data or an ApiError
// carrying the server's own message.
import { ApiError, networkError, type Envelope } from "./client";

export type UploadedPhoto = { upload_id: string; image_url: string; content_type: string; size: number; width: number; height: number };

export type PhotoSending = {
  /** Resolves with the stored photo; rejects with ApiError, or an AbortError after cancel(). */
  done: Promise<UploadedPhoto>;
  cancel: () => void;
};

export function uploadPhoto(file: File, onProgress: (fraction: number) => void): PhotoSending {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedPhoto>((resolve, reject) => {
    xhr.open("POST", "/api/chat/upload");
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const envelope = readEnvelope(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && envelope?.status === "success") resolve(envelope.data as UploadedPhoto);
      else reject(new ApiError(xhr.status, envelope?.message || `Request failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}

function readEnvelope(text: string): Envelope<unknown> | null {
  try {
    const body: unknown = JSON.parse(text);
    return body !== null && typeof body === "object" && "status" in body ? (body as Envelope<unknown>) : null;
  } catch {
    return null;
  }
}
