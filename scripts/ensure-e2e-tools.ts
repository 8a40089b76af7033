// What the browser tests need from Debian: its Chromium (never a downloaded one), espeak-ng,
// which speaks the fake microphone's WAV (e2e/voice-realtime.e2e.ts), and a Hangul font (the
// Nanum family), without which a Korean page is laid out and screenshotted in empty boxes
// (the screenshots and bench/lighthouse.ts's pages are in Korean). On a fresh machine the
// missing ones are installed here with apt-get, so `npm test` needs no manual step; elsewhere
// we say how.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ESPEAK = "/usr/bin/espeak-ng";
const HANGUL_FONTS = "/usr/share/fonts/truetype/nanum";

const missing = [
  ...(existsSync(CHROMIUM) ? [] : ["chromium"]),
  ...(existsSync(ESPEAK) ? [] : ["espeak-ng"]),
  ...(existsSync(HANGUL_FONTS) ? [] : ["fonts-nanum"]),
];

if (missing.length) {
  const root = process.getuid?.() === 0;
  const sudo = !root && existsSync("/usr/bin/sudo") ? ["sudo", "-n"] : [];
  if (!root && sudo.length === 0) {
    console.error(`Missing for the browser tests: ${missing.join(", ")}. Install them with apt-get install ${missing.join(" ")} (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  console.log(`Installing Debian's ${missing.join(", ")} for the browser tests…`);
  const run = (args: string[]) =>
    execFileSync(sudo[0] ?? args[0]!, sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  run(["apt-get", "update"]);
  run(["apt-get", "install", "-y", "--no-install-recommends", ...missing]);
}
