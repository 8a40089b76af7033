// Integration tests inside the Workers runtime (workerd via @cloudflare/vitest-plugin), with
// the real wrangler.toml bindings, D1 migrations applied in test/setup.ts, and fake outside
// services started on loopback by test/global-setup.ts. These projects share all of it:
//   worker       — the offline engines, as a newcomer runs the app;
//   chat-faults  — the stylist chat on the OpenAI engine against the fake OpenAI, whose
//                  flaky scenario (test/fakes/openai.ts) cuts streams and fails on cue;
//   fitting-fitroom — the try-on on the FitRoom provider against the fake FitRoom;
//   voice-openai — voice sessions relayed to the fake Realtime API (test/fakes/realtime.ts).
//   limits       — the rate limits, with small allowances.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { FAKE_KAKAO_CLIENT } from "./test/fakes/kakao.ts";

const migrations = await readD1Migrations("./migrations");

/** The limits test/limits/ runs against: small enough to reach in a few requests. */
const TIGHT_LIMITS = { LOGIN_LIMIT: 3, CHAT_LIMIT: 2, UPLOAD_LIMIT: 2, TRYON_LIMIT: 2, VOICE_LIMIT: 2, IP_LIMIT: 5 };

function project(
  name: string,
  include: string[],
  exclude: string[],
  bindings: Record<string, string> = {},
  limits?: Record<string, number>,
): TestProjectInlineConfiguration {
  return {
    plugins: [
      cloudflareTest(async ({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // Outbound requests pass through test/fakes/internet.js (fake public image hosts).
          outboundService: "internet",
          ...(limits && {
            ratelimits: Object.fromEntries(
              Object.entries(limits).map(([name, limit], i) => [name, { namespace_id: String(9000 + i), simple: { limit, period: 60 as const } }]),
            ),
          }),
          workers: [{ name: "internet", modules: true, scriptPath: "./test/fakes/internet.js", compatibilityDate: "2026-10-01" }],
          bindings: {
            APP_ENV: "test",
            DEV_LOGIN: "true",
            JWT_SECRET: "test-secret-that-is-at-least-32-bytes-long!!",
            KAKAO_CLIENT_ID: FAKE_KAKAO_CLIENT.id,
            KAKAO_CLIENT_SECRET: FAKE_KAKAO_CLIENT.secret,
            KAKAO_AUTH_BASE_URL: inject("kakaoUrl"),
            KAKAO_API_BASE_URL: inject("kakaoUrl"),
            // A developer's .dev.vars must not turn on real services in tests.
            KAKAO_REDIRECT_URI: "",
            OPENAI_API_KEY: "",
            ANTHROPIC_API_KEY: "",
            // The engines' tests point the real SDKs at the fakes (test/fakes/openai.ts, anthropic.ts).
            OPENAI_BASE_URL: inject("openaiBaseUrl"),
            ANTHROPIC_BASE_URL: inject("anthropicBaseUrl"),
            FITROOM_API_KEY: "",
            FITROOM_BASE_URL: inject("fitroomUrl"),
            OPENAI_REALTIME_URL: inject("realtimeUrl"),
            FITROOM_POLL_MS: "20",
            FITTING_WAIT_MS: "15000",
            LOCAL_STREAM_PACE_MS: "0",
            IMAGE_PROXY_HOSTS: "images.test,*.cdn.test",
            TEST_MIGRATIONS: migrations,
            ...bindings,
          },
        },
      })),
    ],
    test: {
      name,
      include,
      exclude: ["node_modules/**", ...exclude],
      globalSetup: ["./test/global-setup.ts"],
      setupFiles: ["./test/setup.ts"],
      // A turn runs several queue jobs and Durable Object calls; on a busy 2-core machine that can take seconds.
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  test: {
    silent: "passed-only",
    projects: [
      // Node-side tools have their own config (vitest.node.config.ts).
      project("worker", ["test/**/*.test.ts", "worker/**/*.test.ts"], ["test/node/**", "test/web/**", "test/chat-faults/**", "test/fitting-fitroom/**", "test/voice-openai/**", "test/limits/**"]),
      // The abuse limits, made small (TIGHT_LIMITS) so that a test reaches them in a few requests.
      project("limits", ["test/limits/**/*.test.ts"], [], {}, TIGHT_LIMITS),
      project("chat-faults", ["test/chat-faults/**/*.test.ts"], [], { LLM_ENGINE: "openai", OPENAI_API_KEY: "sk-flaky-chat" }),
      // The try-on through FitRoom's real client against the fake FitRoom (test/fakes/fitroom.ts).
      project("fitting-fitroom", ["test/fitting-fitroom/**/*.test.ts"], [], { FITTING_ENGINE: "fitroom", FITROOM_API_KEY: "fr-ok" }),
      // Voice sessions through the OpenAI relay against the fake Realtime API.
      project("voice-openai", ["test/voice-openai/**/*.test.ts"], [], { VOICE_ENGINE: "openai", OPENAI_API_KEY: "sk-voice-key-only-the-server-knows" }),
    ],
  },
});
