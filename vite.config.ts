// One dev server for the SPA (vite + Solid, with HMR) and the Worker (workerd through
// Cloudflare's vite plugin), on http://localhost:8787 unless PORT says otherwise.
// `vite build` is also the deploy's build: the Worker is minified (issue 9's bundle budget,
// checked by `npm run size`) with source maps that wrangler uploads for readable stack traces.
import { cloudflare } from "@cloudflare/vite-plugin";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const port = Number(process.env.PORT ?? 8787);

export default defineConfig({
  plugins: [solid(), cloudflare({ configPath: "./wrangler.toml", viteEnvironment: { name: "worker" } })],
  server: { port, strictPort: true, host: "localhost" },
  preview: { port, strictPort: true, host: "localhost" },
  // Every browser we support has modulepreload, so its polyfill is not shipped.
  build: {
    outDir: "dist",
    sourcemap: false,
    modulePreload: { polyfill: false },
    // What every page imports (the dictionary switch, the API client, the session, the shared
    // components) in one chunk: a dozen files of a few hundred bytes each compress poorly apart.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: "shell", test: /web[\\/]src[\\/](i18n[\\/](lang|error-text|format)|api[\\/](client|auth)|session[\\/]|page-title|components[\\/](Icon|LanguageSwitcher|PageHead))|@solidjs[\\/]router[\\/]dist[\\/]components/ }],
        },
      },
    },
  },
  environments: { worker: { build: { minify: true, sourcemap: true } } },
});
