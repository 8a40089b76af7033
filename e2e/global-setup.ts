// Starts `node scripts/dev.ts` (migrations, seed, then vite dev with the Worker) on a free
// port in its own process group, waits for /api/health, and stops the whole group after the
// run, so no vite or workerd process outlives the tests. E2E_BASE_URL=http://localhost:8787
// runs the tests against a server that is already up instead.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";

const ROOT = path.resolve(import.meta.dirname, "..");
// The first run on a fresh clone seeds the catalog (thousands of rendered product images),
// which takes minutes; later runs skip unchanged images and start in seconds.
const STARTUP_LIMIT_MS = Number(process.env.E2E_STARTUP_SECONDS ?? 900) * 1000;

export default async function setup(project: TestProject) {
  const existing = process.env.E2E_BASE_URL;
  if (existing) {
    const health = await fetch(`${existing}/api/health`).catch(() => null);
    if (health?.status !== 200) throw new Error(`E2E_BASE_URL=${existing} does not answer /api/health`);
    project.provide("baseUrl", existing.replace(/\/$/, ""));
    return;
  }

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const log: string[] = [];

  const server = spawn(process.execPath, ["scripts/dev.ts"], {
    cwd: ROOT,
    detached: true, // its own process group: vite and workerd are stopped with it
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      PATH: `${path.join(ROOT, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`,
      FORCE_COLOR: "0",
    },
  });
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);

  try {
    await waitForHealth(baseUrl, server);
  } catch (err) {
    stop(server);
    throw new Error(`${(err as Error).message}\n--- dev server output ---\n${log.join("").slice(-6000)}`);
  }
  project.provide("baseUrl", baseUrl);

  return async () => {
    await stop(server);
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "localhost", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  let exited: number | null = null;
  server.once("exit", (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`dev server exited early (code ${exited})`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`dev server did not answer ${baseUrl}/api/health within ${STARTUP_LIMIT_MS / 1000}s`);
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.pid === undefined || server.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  signalGroup(server.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(server.pid!, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  // The group leader can exit before its children; make sure none is left.
  signalGroup(server.pid, "SIGKILL");
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
