// One dev server for the SPA (vite + Solid, with HMR) and the Worker (workerd through
// Cloudflare's vite plugin), on http://localhost:8787 unless PORT says otherwise.
import { cloudflare } from "@cloudflare/vite-plugin";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const port = Number(process.env.PORT ?? 8787);

export default defineConfig({
  plugins: [solid(), cloudflare({ configPath: "./wrangler.toml" })],
  server: { port, strictPort: true, host: "localhost" },
  preview: { port, strictPort: true, host: "localhost" },
  build: { outDir: "dist", sourcemap: false },
});
