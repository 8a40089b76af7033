// The Worker's configuration, parsed once per `env` with zod. Everything else reads
// `config(env)` instead of `env.X`, so a missing or malformed variable is reported in one
// place with a message that says what to set.
import { z } from "zod";
import { AppError } from "./http/errors";

const flag = z.enum(["true", "false"]).default("false").transform((v) => v === "true");
const optional = z.string().trim().optional().transform((v) => (v ? v : undefined));
const engine = z.enum(["auto", "local", "openai", "anthropic", "fitroom"]).default("auto");
/** An optional URL: unset or empty means the service's default. */
const optionalUrl = z.union([z.literal(""), z.url()]).optional().transform((v) => (v ? v : undefined));

const ConfigSchema = z.object({
  APP_ENV: z.enum(["development", "test", "production"]).default("production"),
  DEV_LOGIN: flag,
  JWT_SECRET: optional,
  KAKAO_CLIENT_ID: optional,
  KAKAO_CLIENT_SECRET: optional,
  KAKAO_REDIRECT_URI: optional,
  KAKAO_AUTH_BASE_URL: z.url().default("https://kauth.kakao.com"),
  KAKAO_API_BASE_URL: z.url().default("https://kapi.kakao.com"),
  LLM_ENGINE: engine,
  VOICE_ENGINE: engine,
  FITTING_ENGINE: engine,
  OPENAI_API_KEY: optional,
  ANTHROPIC_API_KEY: optional,
  // Models for the stylist engines; base URLs only for a gateway/proxy or the tests' fakes.
  OPENAI_MODEL: optional,
  ANTHROPIC_MODEL: optional,
  OPENAI_BASE_URL: optionalUrl,
  ANTHROPIC_BASE_URL: optionalUrl,
  FITROOM_API_KEY: optional,
  FITROOM_BASE_URL: z.url().default("https://platform.fitroom.app"),
  /** How long POST /api/fitting/try-on waits for the result before answering 202 (the client then polls). */
  FITTING_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(25_000),
  /** FitRoom polling: the first wait between status checks (it grows ×1.5 up to 10 s) and the bound on the whole wait. */
  FITROOM_POLL_MS: z.coerce.number().int().min(1).max(10_000).default(2_000),
  FITROOM_TIMEOUT_MS: z.coerce.number().int().min(100).max(900_000).default(300_000),
  /** The Realtime endpoint (wss://…; a gateway or the tests' fake), its model and the user's-speech transcription model. */
  OPENAI_REALTIME_URL: z.url().default("wss://api.openai.com/v1/realtime"),
  OPENAI_REALTIME_MODEL: z.string().trim().min(1).default("gpt-realtime"),
  OPENAI_TRANSCRIBE_MODEL: z.string().trim().min(1).default("gpt-4o-mini-transcribe"),
  /** A live voice session's hard cap (an outbound socket keeps its object in memory) and its idle timeout. */
  VOICE_MAX_SECONDS: z.coerce.number().int().min(1).max(1_800).default(900),
  VOICE_IDLE_SECONDS: z.coerce.number().int().min(1).max(1_800).default(180),
  /** How long a stylist engine's service may stay silent (before its first byte, or mid-stream) before the answer fails and is retried. */
  LLM_IDLE_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  /** How long a chat turn may stay unanswered before its missing experts end in an error (the room's alarm). */
  CHAT_TURN_DEADLINE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(180),
  /** Milliseconds between the offline stylist's pieces, so a reader can follow (0 in tests and benches). */
  LOCAL_STREAM_PACE_MS: z.coerce.number().int().min(0).max(1000).default(15),
  IMAGE_PROXY_HOSTS: z.string().default(""),
});

export type Config = ReturnType<typeof build>;

/**
 * Used when OPENAI_MODEL / ANTHROPIC_MODEL are unset. gpt-4.1-mini: no reasoning phase, so
 * the first token comes quickly, and it reads images. Claude Sonnet 5.5: the current Sonnet.
 */
export const DEFAULT_MODELS = { openai: "gpt-4.1-mini", anthropic: "claude-sonnet-5-5" } as const;

/** Minimum HS256 key length: RFC 7518 §3.2 asks for a key at least as long as the hash. */
export const MIN_JWT_SECRET_BYTES = 32;

function build(env: Record<string, unknown>) {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const c = parsed.data;
  const production = c.APP_ENV === "production";
  return {
    env: c.APP_ENV,
    production,
    // The dev login can never be switched on in production, whatever the vars say.
    devLogin: c.DEV_LOGIN && !production,
    jwtSecret: c.JWT_SECRET,
    kakao:
      c.KAKAO_CLIENT_ID && c.KAKAO_CLIENT_SECRET
        ? {
            clientId: c.KAKAO_CLIENT_ID,
            clientSecret: c.KAKAO_CLIENT_SECRET,
            redirectUri: c.KAKAO_REDIRECT_URI,
            authBaseUrl: c.KAKAO_AUTH_BASE_URL,
            apiBaseUrl: c.KAKAO_API_BASE_URL,
          }
        : undefined,
    engines: { llm: c.LLM_ENGINE, voice: c.VOICE_ENGINE, fitting: c.FITTING_ENGINE },
    keys: { openai: c.OPENAI_API_KEY, anthropic: c.ANTHROPIC_API_KEY, fitroom: c.FITROOM_API_KEY },
    /** The real stylist engines' settings, present when their key is set (engines/openai.ts, anthropic.ts). */
    llm: {
      /** Who writes the stylists' answers (and judges the rehearsal rubric): the forced engine, or on auto Anthropic then OpenAI when their key is set, else the offline one. */
      engine:
        c.LLM_ENGINE === "anthropic" || (c.LLM_ENGINE === "auto" && c.ANTHROPIC_API_KEY)
          ? ("anthropic" as const)
          : c.LLM_ENGINE === "openai" || (c.LLM_ENGINE === "auto" && c.OPENAI_API_KEY)
            ? ("openai" as const)
            : ("local" as const),
      openai: c.OPENAI_API_KEY ? { apiKey: c.OPENAI_API_KEY, model: c.OPENAI_MODEL ?? DEFAULT_MODELS.openai, baseURL: c.OPENAI_BASE_URL, idleMs: c.LLM_IDLE_SECONDS * 1000 } : undefined,
      anthropic: c.ANTHROPIC_API_KEY
        ? { apiKey: c.ANTHROPIC_API_KEY, model: c.ANTHROPIC_MODEL ?? DEFAULT_MODELS.anthropic, baseURL: c.ANTHROPIC_BASE_URL, idleMs: c.LLM_IDLE_SECONDS * 1000 }
        : undefined,
      paceMs: c.LOCAL_STREAM_PACE_MS,
      turnDeadlineMs: c.CHAT_TURN_DEADLINE_SECONDS * 1000,
    },
    fitting: {
      waitMs: c.FITTING_WAIT_MS,
      fitroom: c.FITROOM_API_KEY ? { apiKey: c.FITROOM_API_KEY, baseUrl: c.FITROOM_BASE_URL.replace(/\/$/, ""), pollMs: c.FITROOM_POLL_MS, timeoutMs: c.FITROOM_TIMEOUT_MS } : undefined,
    },
    voice: {
      /** The partner new sessions get: OpenAI Realtime when asked for (or, on auto, when its key is set), else the local one. */
      engine: c.VOICE_ENGINE === "openai" || (c.VOICE_ENGINE === "auto" && c.OPENAI_API_KEY) ? ("openai" as const) : ("local" as const),
      openai: c.OPENAI_API_KEY
        ? { apiKey: c.OPENAI_API_KEY, url: c.OPENAI_REALTIME_URL, model: c.OPENAI_REALTIME_MODEL, transcribeModel: c.OPENAI_TRANSCRIBE_MODEL }
        : undefined,
      maxMs: c.VOICE_MAX_SECONDS * 1000,
      idleMs: c.VOICE_IDLE_SECONDS * 1000,
      paceMs: c.LOCAL_STREAM_PACE_MS,
    },
    /** Hosts the image proxy may fetch from ("*.example.com" matches subdomains). */
    imageProxyHosts: c.IMAGE_PROXY_HOSTS.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean),
  };
}

const cache = new WeakMap<object, Config>();

export function config(env: object): Config {
  let c = cache.get(env);
  if (!c) {
    c = build(env as Record<string, unknown>);
    cache.set(env, c);
  }
  return c;
}

/**
 * The session signing key, or a clear 500 naming what to set. Checked when an auth route
 * runs (not at start-up) so that health checks and static assets keep working while the
 * operator fixes the secret; there is no fallback key.
 */
export function jwtKey(c: Config): Uint8Array {
  const secret = c.jwtSecret;
  if (!secret) {
    throw new AppError(500, "Server misconfigured: JWT_SECRET is not set (wrangler secret put JWT_SECRET, or .dev.vars locally).", "config");
  }
  const key = new TextEncoder().encode(secret);
  if (key.byteLength < MIN_JWT_SECRET_BYTES) {
    throw new AppError(500, `Server misconfigured: JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes.`, "config");
  }
  return key;
}
