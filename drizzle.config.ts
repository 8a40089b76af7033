// drizzle-kit writes flat migrations/NNNN_name.sql files, the layout that
// `wrangler d1 migrations apply` and the test runner's readD1Migrations both read.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./worker/db/schema.ts",
  out: "./migrations",
});
