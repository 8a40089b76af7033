// The one way the SPA talks to the Worker: same-origin fetch with the session cookie, JSON in
// and out, and the seed's envelope `{status, message, data}` unwrapped into data or an ApiError.
// Paths are always relative: the Worker refuses cross-origin writes, and the cookie is
// first-party only because the SPA and the API share an origin.

export type Envelope<T> = { status: "success" | "fail"; message: string; data: T };

/** A failed call: `status` is the HTTP status, or 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type RequestOptions = {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
};

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      credentials: "include",
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw networkError();
  }

  if (response.status === 204) return undefined as T;
  const envelope = await readEnvelope<T>(response);
  if (!response.ok || envelope?.status !== "success") throw failureOf(response, envelope);
  return envelope.data;
}

/** The error a response that is not a success stands for (its body not yet read). */
export async function responseError(response: Response): Promise<ApiError> {
  return failureOf(response, await readEnvelope<unknown>(response));
}

function failureOf(response: Response, envelope: Envelope<unknown> | null): ApiError {
  // A proxy's HTML error page or an empty body still becomes a readable error.
  const message = envelope?.message || `Request failed (${response.status})`;
  const code = (envelope as { code?: unknown } | null)?.code;
  return new ApiError(response.status, message, typeof code === "string" ? code : undefined);
}

/** The failure of a fetch that never got an answer. */
export const networkError = () => new ApiError(0, "Could not reach Debut. Check your connection and try again.", "network");

async function readEnvelope<T>(response: Response): Promise<Envelope<T> | null> {
  if (!response.headers.get("content-type")?.includes("json")) return null;
  try {
    const body: unknown = await response.json();
    return body !== null && typeof body === "object" && "status" in body ? (body as Envelope<T>) : null;
  } catch {
    return null;
  }
}
