// Tests run in Node rather than workerd: the Node-side tools (catalog import, seeding) and the
// SPA modules that need no DOM (checked against Node's own Intl, which is Chromium's ICU).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/node/**/*.test.ts", "test/web/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
