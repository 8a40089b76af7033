// FitRoom's try-on API (platform.fitroom.app, header X-API-KEY): create a task with the model
// photo and the cloth image(s) — `cloth_type` upper | lower | full_set | combo, the bottom as
// `lower_cloth_image` in a combo, `hd_mode` — then poll it with a growing pause until it is
// COMPLETED or FAILED or the time is up, and download `download_signed_url` at once (how long
// that URL lives is not documented). Errors become FittingErrors with a clear reason; what
// can be cured by waiting (429, 5xx, the network, our own time bound) is retryable, and a
// retried job resumes the task already created rather than paying for a second one.
import { FittingError, type ImageBytes, type TryOnProvider } from "./provider.ts";

export type FitRoomSettings = { apiKey: string; baseUrl: string; pollMs: number; timeoutMs: number };

type TaskAnswer = { task_id?: string; status?: string; progress?: number; download_signed_url?: string; error?: string | null; message?: string };

const EXT: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };
const MAX_POLL_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createFitRoomProvider(s: FitRoomSettings): TryOnProvider {
  const call = async (path: string, init: RequestInit = {}): Promise<TaskAnswer> => {
    let res: Response;
    try {
      res = await fetch(`${s.baseUrl}${path}`, { ...init, headers: { "X-API-KEY": s.apiKey, accept: "application/json", ...init.headers } });
    } catch (err) {
      throw new FittingError("가상 피팅 서비스에 연결하지 못했습니다. 잠시 후 다시 시도해 주세요. (Could not reach FitRoom.)", { retryable: true, cause: err });
    }
    const body = (await res.json().catch(() => ({}))) as TaskAnswer;
    if (!res.ok) throw failure(res, body);
    return body;
  };

  return {
    name: "fitroom",
    async run(input, ctx) {
      const started = Date.now();
      let taskId = ctx.providerTaskId;
      if (!taskId) {
        const form = new FormData();
        form.append("model_image", file(input.model, "model"));
        form.append("cloth_type", input.clothType);
        if (input.clothType === "combo") {
          form.append("cloth_image", file(input.upper!, "upper"));
          form.append("lower_cloth_image", file(input.lower!, "lower"));
        } else {
          form.append("cloth_image", file((input.upper ?? input.lower)!, "cloth"));
        }
        form.append("hd_mode", String(input.hdMode));
        const created = await call("/api/tryon/v2/tasks", { method: "POST", body: form });
        if (!created.task_id) throw new FittingError("가상 피팅 작업을 만들지 못했습니다. (FitRoom answered without a task id.)", { retryable: true });
        taskId = created.task_id;
        await ctx.progress(30, taskId); // recorded before waiting: a retry resumes this task
      }
      let pause = s.pollMs;
      for (;;) {
        const task = await call(`/api/tryon/v2/tasks/${encodeURIComponent(taskId)}`);
        if (task.status === "COMPLETED") {
          if (!task.download_signed_url) throw new FittingError("결과 이미지 주소가 없습니다. (FitRoom completed without a result URL.)", { retryable: false });
          await ctx.progress(95);
          return download(task.download_signed_url);
        }
        if (task.status === "FAILED") {
          throw new FittingError(`가상 피팅에 실패했습니다: ${task.error ?? task.message ?? "이유를 알 수 없음"} (FitRoom could not fit this photo.)`, { retryable: false });
        }
        if (typeof task.progress === "number") await ctx.progress(30 + Math.min(100, Math.max(0, task.progress)) * 0.6);
        if (Date.now() - started + pause > s.timeoutMs) {
          throw new FittingError("가상 피팅이 너무 오래 걸리고 있어요. 잠시 후 다시 확인합니다. (FitRoom is taking too long.)", { retryable: true, timedOut: true });
        }
        await sleep(pause);
        pause = Math.min(MAX_POLL_MS, Math.round(pause * 1.5));
      }
    },
  };
}

function file(image: ImageBytes, name: string): File {
  return new File([image.bytes], `${name}.${EXT[image.type] ?? "jpg"}`, { type: image.type });
}

async function download(url: string): Promise<ImageBytes> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (err) {
    throw new FittingError("결과 이미지를 받지 못했습니다. (Could not download the result.)", { retryable: true, cause: err });
  }
  if (!res.ok) throw new FittingError(`결과 이미지를 받지 못했습니다 (HTTP ${res.status}). (Could not download the result.)`, { retryable: res.status >= 500 || res.status === 429 });
  const type = (res.headers.get("content-type") ?? "image/jpeg").split(";")[0]!.trim();
  return { bytes: new Uint8Array(await res.arrayBuffer()), type: type.startsWith("image/") ? type : "image/jpeg" };
}

function failure(res: Response, body: TaskAnswer): FittingError {
  const reason = body.error ?? body.message ?? `HTTP ${res.status}`;
  if (res.status === 401 || res.status === 403) return new FittingError("가상 피팅 서비스 설정에 문제가 있습니다. (FitRoom refused the API key.)", { retryable: false });
  if (res.status === 402 || /credit|balance|quota/i.test(reason)) {
    return new FittingError("가상 피팅 크레딧이 모두 소진되었습니다. 관리자에게 알려 주세요. (FitRoom has no credits left.)", { retryable: false });
  }
  if (res.status === 429) {
    const after = Number(res.headers.get("retry-after"));
    return new FittingError("요청이 많아 잠시 기다리고 있어요. (FitRoom is rate limiting.)", { retryable: true, retryAfterSeconds: Number.isFinite(after) && after > 0 ? after : undefined });
  }
  if (res.status >= 500) return new FittingError("가상 피팅 서비스에 일시적인 문제가 있습니다. (FitRoom is having trouble.)", { retryable: true });
  return new FittingError(`사진이나 옷 이미지를 처리할 수 없습니다: ${reason} (FitRoom refused the images.)`, { retryable: false });
}
