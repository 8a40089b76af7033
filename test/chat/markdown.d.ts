// Vite's import.meta.glob, as the stylist tests use it to read data/knowledge/*.md as text.
interface ImportMeta {
  glob<T>(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, T>;
}
