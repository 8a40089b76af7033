// Browser tests: the real dev server (SPA + Worker in local workerd), started once by
// e2e/global-setup.ts, driven by playwright-core in Debian's Chromium. One file at a time:
// they share that server and its local D1.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["./e2e/global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
  },
});
