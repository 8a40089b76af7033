// The timing helpers every benchmark uses, and the app in workerd (scripts/app-in-workerd.ts).
export { newWorkerd, rssKiB, startApp, workerdPids } from "../scripts/app-in-workerd.ts";

export type Stats = { n: number; p50: number; p99: number; mean: number; max: number };

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), mean: sorted.reduce((s, x) => s + x, 0) / sorted.length, max: sorted[sorted.length - 1]! };
}

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
