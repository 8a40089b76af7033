// Calls the Worker through its public fetch handler, as a browser on http://localhost would,
// with a tiny cookie jar. `withEnv` runs the same app under changed configuration.
import { env, exports } from "cloudflare:workers";
import app from "../worker/app";

export const ORIGIN = "http://localhost";

export type Envelope<T = unknown> = { status: "success" | "fail"; message: string; data: T; code?: string };

export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly runtimeEnv?: Partial<Env> & Record<string, unknown>) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has("cookie")) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    const method = (init.method ?? "GET").toUpperCase();
    if (!["GET", "HEAD"].includes(method) && !headers.has("origin")) headers.set("origin", ORIGIN);
    const request = new Request(new URL(path, ORIGIN), { ...init, headers, redirect: "manual" });
    const res = this.runtimeEnv
      ? await app.fetch(request, { ...env, ...this.runtimeEnv } as Env)
      : await exports.default.fetch(request);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async json<T = unknown>(path: string, init: Omit<RequestInit, "body"> & { body?: unknown } = {}): Promise<{ res: Response; body: Envelope<T> }> {
    const hasBody = init.body !== undefined && typeof init.body !== "string";
    const res = await this.fetch(path, {
      ...init,
      body: hasBody ? JSON.stringify(init.body) : (init.body as BodyInit | undefined),
      headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...(init.headers as Record<string, string> | undefined) },
    });
    return { res, body: (await res.json()) as Envelope<T> };
  }

  async devLogin(nickname: string) {
    const { res, body } = await this.json<{ userId: number; nickname: string }>("/api/auth/dev-login", { method: "POST", body: { nickname } });
    if (res.status !== 200) throw new Error(`dev login failed: ${res.status} ${body.message}`);
    return body.data;
  }
}
