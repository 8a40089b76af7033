// Abuse limits on what costs us (a model call, an upload, a try-on, a live voice socket) and
// on signing in, counted by the Workers Rate Limiting bindings in wrangler.toml: per user,
// and per client IP (`CF-Connecting-IP`). A refusal is a 429 in the envelope with
// `retry-after`. Callers check after the request's shape is validated (its JSON, query or
// form, by the route's schema), so a malformed request, answered 400 at no cost, never uses
// up an allowance; a photo refused for its bytes has cost us the reading, and does count.
import type { Context } from "hono";
import { config } from "../config";
import { record } from "../metrics/record";
import { AppError } from "./errors";
import type { AppEnv } from "./hono";
import { log } from "./logger";

/** Every [[ratelimits]] binding in wrangler.toml counts over a 60-second window (`period = 60`). */
export const WINDOW_SECONDS = 60;

export type Action = "login" | "chat" | "upload" | "tryon" | "voice";

type Limiter = "LOGIN_LIMIT" | "CHAT_LIMIT" | "UPLOAD_LIMIT" | "TRYON_LIMIT" | "VOICE_LIMIT" | "IP_LIMIT";

/** Signing in is counted per IP only (there is no user yet); the rest per user and per IP. */
const PER_USER: Record<Exclude<Action, "login">, Limiter> = {
  chat: "CHAT_LIMIT",
  upload: "UPLOAD_LIMIT",
  tryon: "TRYON_LIMIT",
  voice: "VOICE_LIMIT",
};

/**
 * The client's IP. Cloudflare always sets `CF-Connecting-IP` in production; without it
 * (local tools, tests) nothing is counted per IP, since every caller would share one key.
 */
function clientIp(c: Context<AppEnv>): string | undefined {
  return c.req.header("cf-connecting-ip") ?? (config(c.env).production ? "unknown" : undefined);
}

async function allowed(c: Context<AppEnv>, binding: RateLimit, key: string): Promise<boolean> {
  try {
    return (await binding.limit({ key })).success;
  } catch (err) {
    // The limiter being unavailable must not take the product down with it.
    log(c, "warn", "rate limiter unavailable", { error: String(err) });
    return true;
  }
}

/** Throws the 429 when this caller has used up the action's allowance for the window. */
export async function checkLimit(c: Context<AppEnv>, action: Action): Promise<void> {
  const refusal = await limitRefusal(c, action);
  if (refusal) throw refusal;
}

/** The 429 for this caller when the action's allowance is used up (recorded), else null. */
export async function limitRefusal(c: Context<AppEnv>, action: Action): Promise<AppError | null> {
  const ip = clientIp(c);
  const checks: { limiter: Limiter; key: string; scope: "user" | "ip" }[] = [];
  if (action === "login") {
    if (ip) checks.push({ limiter: "LOGIN_LIMIT", key: `ip:${ip}`, scope: "ip" });
  } else {
    checks.push({ limiter: PER_USER[action], key: `user:${c.get("user").id}`, scope: "user" });
    if (ip) checks.push({ limiter: "IP_LIMIT", key: `ip:${ip}`, scope: "ip" });
  }
  const outcomes = await Promise.all(checks.map((check) => allowed(c, c.env[check.limiter], check.key)));
  const refused = checks.find((_, i) => !outcomes[i]);
  if (!refused) return null;
  record(c.env, { kind: "rate_limited", limit: action, scope: refused.scope });
  return new AppError(
    429,
    `요청이 너무 많아요. ${WINDOW_SECONDS}초 뒤에 다시 시도해 주세요. (Too many ${action} requests: try again in ${WINDOW_SECONDS} s.)`,
    "rate_limited",
    { "retry-after": String(WINDOW_SECONDS) },
  );
}
