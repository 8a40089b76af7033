// The try-on API (worker/routes/fitting.ts): start one without waiting (202 + taskId), follow
// its status, list and delete earlier ones.
import { api, networkError, responseError } from "./client";

export type TryOnStatus = "queued" | "processing" | "completed" | "failed";

export type TryOnTask = {
  taskId: string;
  status: TryOnStatus;
  progress: number;
  kind: "single" | "combo";
  upperProductId: string | null;
  lowerProductId: string | null;
  provider: "fitroom" | "local";
  modelImageUrl: string | null;
  downloadUrl: string | null;
  error: string | null;
  createdAt: number;
  completedAt: number | null;
};

export type TryOnRequest = { photoUrl: string; upper?: string; lower?: string; roomId?: number };

/** Starts a try-on and answers at once with its task (the page follows its progress). */
export async function startTryOn(req: TryOnRequest): Promise<TryOnTask> {
  const form = new FormData();
  form.append("model_image_url", req.photoUrl);
  if (req.upper) form.append("upper_product_id", req.upper);
  if (req.lower) form.append("lower_product_id", req.lower);
  if (req.roomId !== undefined) form.append("room_id", String(req.roomId));
  const path = req.upper && req.lower ? "/api/fitting/try-on/combo" : "/api/fitting/try-on";
  let response: Response;
  try {
    response = await fetch(`${path}?wait=false`, { method: "POST", credentials: "include", headers: { Accept: "application/json" }, body: form });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await responseError(response);
  return ((await response.json()) as { data: TryOnTask }).data;
}

export const fetchTryOn = (taskId: string, signal?: AbortSignal) => api<TryOnTask>(`/api/fitting/status/${encodeURIComponent(taskId)}`, signal ? { signal } : {});

export type TryOnPage = { tasks: TryOnTask[]; has_more: boolean; next_cursor: string | null };

export const listTryOns = (cursor?: string | null) => api<TryOnPage>(`/api/fitting/tasks?limit=12${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);

export const deleteTryOn = (taskId: string) => api<{ deleted: boolean }>(`/api/fitting/tasks/${encodeURIComponent(taskId)}`, { method: "DELETE" });

/** Follows a task until it is finished, reporting each status; stops early when `signal` aborts. */
export async function followTryOn(taskId: string, onStatus: (task: TryOnTask) => void, signal: AbortSignal): Promise<TryOnTask> {
  let pause = 400;
  for (;;) {
    const task = await fetchTryOn(taskId, signal);
    onStatus(task);
    if (task.status === "completed" || task.status === "failed") return task;
    await new Promise((resolve) => setTimeout(resolve, pause));
    if (signal.aborted) throw new DOMException("Stopped", "AbortError");
    pause = Math.min(2_000, Math.round(pause * 1.3));
  }
}
