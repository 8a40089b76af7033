// Creates .dev.vars from .dev.vars.example on first run, with a fresh random JWT_SECRET,
// so that a fresh clone signs sessions with a secret of its own and never a shared default.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function ensureDevVars(path = ".dev.vars", example = ".dev.vars.example"): void {
  if (existsSync(path)) return;
  const secret = randomBytes(32).toString("base64url");
  const text = readFileSync(example, "utf8").replace(/^JWT_SECRET=.*$/m, `JWT_SECRET=${secret}`);
  writeFileSync(path, text, { mode: 0o600 });
  console.log(`created ${path} with a random JWT_SECRET (edit it to add real API keys)`);
}
