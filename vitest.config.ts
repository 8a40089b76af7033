// Integration tests inside the Workers runtime (workerd via @cloudflare/vitest-plugin), with
// the real wrangler.toml bindings, D1 migrations applied in test/setup.ts, and fake outside
// services started on loopback by test/global-setup.ts.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { FAKE_KAKAO_CLIENT } from "./test/fakes/kakao.ts";



export default defineConfig({
  plugins: [
    cloudflareTest(async ({ inject }) => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        // Outbound requests pass through test/fakes/internet.js (fake public image hosts).
        outboundService: "internet",
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
          FITROOM_API_KEY: "",
          IMAGE_PROXY_HOSTS: "images.test,*.cdn.test",
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
        },
      },
    })),
  ],
  test: {
    include: ["test/**/*.test.ts", "worker/**/*.test.ts"],
    exclude: ["test/node/**", "node_modules/**"], // Node-side tools: vitest.node.config.ts
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup.ts"],
    silent: "passed-only",
  },
});
