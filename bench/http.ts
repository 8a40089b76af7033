// The benchmarks' HTTP client: JSON requests as a browser makes them (POSTs carry the app's
// own origin, for its same-origin check) and the dev login's cookie.
import http from "node:http";

/** Keep-alive so short requests reuse sockets, with no pool limit (every open stream has its own socket). */
export const keepAlive = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export type RequestOptions = { headers?: Record<string, string>; body?: unknown; agent?: http.Agent };

export function request(base: string, method: string, path: string, opts: RequestOptions = {}) {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers = { ...(body ? { "content-type": "application/json", origin: base } : {}), ...opts.headers };
  const req = http.request(`${base}${path}`, { method, agent: opts.agent ?? keepAlive, headers });
  const res = new Promise<http.IncomingMessage>((resolve, reject) => {
    req.on("response", resolve);
    req.on("error", reject);
  });
  req.end(body);
  return { req, res };
}

/** The response's JSON (null when empty); a 4xx or 5xx throws with the start of its body. */
export async function json<T>(base: string, method: string, path: string, opts: RequestOptions = {}): Promise<{ res: http.IncomingMessage; body: T }> {
  const res = await request(base, method, path, opts).res;
  let text = "";
  res.setEncoding("utf8");
  for await (const chunk of res) text += chunk;
  if ((res.statusCode ?? 0) >= 400) throw new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 200)}`);
  return { res, body: (text ? JSON.parse(text) : null) as T };
}

/** Signs in with the dev login; the session cookie for later requests. */
export async function login(base: string, nickname: string, agent?: http.Agent): Promise<string> {
  const { res } = await json(base, "POST", "/api/auth/dev-login", { body: { nickname }, ...(agent ? { agent } : {}) });
  return (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
}
