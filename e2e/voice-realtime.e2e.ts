// A spoken rehearsal end to end with the OpenAI engine: Chromium's fake microphone plays a
// sentence spoken by espeak-ng, the SPA captures it with its AudioWorklet as PCM16 24 kHz and
// sends it over the session's socket, the VoiceSession object relays it to the fake Realtime
// API (test/fakes/realtime.ts: a real energy VAD, a fixed transcription), the transcripts and
// the partner's lines appear, and the report, judged by the fake OpenAI model, renders.
// The app here is the built Worker and SPA in workerd (scripts/app-in-workerd.ts) with the
// voice engine pointed at the fakes: the shared dev server keeps the offline engines.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp } from "../scripts/app-in-workerd.ts";
import { startFakeOpenAI } from "../test/fakes/openai.ts";
import { startFakeRealtime } from "../test/fakes/realtime.ts";
import { FAKE_PARTNER_LINES, FAKE_TRANSCRIPT, type RealtimeConnection } from "../test/voice/realtime-script.ts";
import { closeSession, launchChromium, openSession, signIn, type Session } from "./browser";
import { fakeMicrophone } from "./fake-mic";

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 25_000, interval: 200 });

let browser: Browser;
let app: Awaited<ReturnType<typeof startApp>>;
let realtime: { url: string; server: Server };
let openai: { baseURL: string; server: Server };

beforeAll(async () => {
  const built = spawnSync("vite", ["build"], { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
  realtime = await startFakeRealtime();
  openai = await startFakeOpenAI();
  app = await startApp(
    {
      VOICE_ENGINE: "openai",
      // The stylists' engine is also the report's rubric judge: the fake OpenAI model.
      LLM_ENGINE: "openai",
      FITTING_ENGINE: "local",
      OPENAI_API_KEY: "sk-e2e-voice-server-key",
      OPENAI_REALTIME_URL: realtime.url,
      OPENAI_BASE_URL: openai.baseURL,
      LOCAL_STREAM_PACE_MS: "0",
      // Nothing from a developer's .dev.vars may reach a real service.
      ANTHROPIC_API_KEY: "",
      FITROOM_API_KEY: "",
      KAKAO_CLIENT_ID: "",
    },
    { assets: true },
  );
  const mic = fakeMicrophone("Hello. I have five years of experience building payment systems.", path.resolve("e2e/artifacts/fake-mic.wav"));
  browser = await launchChromium(mic);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.mf.dispose();
  realtime?.server.close();
  openai?.server.close();
});

const connections = async () => (await (await fetch(realtime.url.replace("ws://", "http://").replace("/v1/realtime", "/__stats"))).json()) as RealtimeConnection[];

/** Runs a test's steps in a fresh profile: no uncaught page error allowed, a screenshot when it fails. */
async function inSession(on: Browser, name: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const session: Session = await openSession(on, app.url);
  let failed = false;
  try {
    await steps(session.page);
    expect(session.errors).toEqual([]);
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    await closeSession(session, name, failed);
  }
}

/** A new user, in English, starts the scenario and lands on its live screen with the voice partner. */
async function startRehearsal(page: Page, title: string): Promise<void> {
  await signIn(page);
  await page.getByRole("button", { name: "English" }).click();
  await page.goto("/practice");
  await page.getByRole("button", { name: `Start: ${title}` }).click();
  await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
  await page.getByText("Voice AI partner").waitFor();
}

describe("a spoken rehearsal through the Realtime relay", () => {
  test("the microphone's speech reaches the upstream, both sides' transcripts appear, and the report renders", (ctx) =>
    inSession(browser, ctx.task.name, async (page) => {
      await startRehearsal(page, "Job interview (general)");
      await eventually(() => page.locator('.live__line[data-speaker="partner"]').first().textContent()).toContain(FAKE_PARTNER_LINES[0]!);

      await page.getByRole("button", { name: "Speak" }).click();
      await page.getByRole("button", { name: "Stop listening" }).waitFor();
      // The level meter moves with the spoken sentence.
      await eventually(async () => Number(await page.getByRole("meter").getAttribute("aria-valuenow"))).toBeGreaterThan(0);
      // The fake VAD heard speech end and the fake transcribed it: the user's line, then the partner's answer.
      await eventually(() => page.locator('.live__line[data-speaker="user"]').first().textContent()).toContain(FAKE_TRANSCRIPT);
      await eventually(() => page.locator('.live__line[data-speaker="partner"]').nth(1).textContent()).toContain(FAKE_PARTNER_LINES[1]!);
      await page.screenshot({ path: "e2e/artifacts/voice-realtime-live.png", fullPage: true });

      const conn = (await connections()).at(-1)!;
      expect(conn.authorization).toBe("Bearer sk-e2e-voice-server-key");
      expect(conn.events[0]).toBe("session.update");
      expect(conn.events).toContain("input_audio_buffer.append");
      // Real audio, not silence: espeak's speech is loud, and the VAD found about a sentence of it.
      expect(conn.audioBytes).toBeGreaterThan(48 * 2_000);
      expect(conn.audioPeak).toBeGreaterThan(3_000);
      expect(conn.speechMs).toBeGreaterThan(1_500);
      expect(conn.speechMs).toBeLessThan(10_000);
      expect(await page.locator(".notice--error").count()).toBe(0);

      await page.getByRole("button", { name: "End and see the report" }).click();
      await page.waitForURL(/\/report$/);
      await page.getByRole("heading", { name: "Your report", level: 1 }).waitFor();
      await page.getByText("judged by gpt-4.1-mini", { exact: false }).waitFor();
      // "Um" and "like" in the transcription are fillers, marked in the transcript.
      const marked = await page.locator("mark").allTextContents();
      expect(marked.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(["um", "like"]));
      await page.screenshot({ path: "e2e/artifacts/voice-realtime-report.png", fullPage: true });
    }));

  test("when the microphone is refused the screen says so, and typing carries the rehearsal on", async (ctx) => {
    // A browser whose microphone prompt is not answered for it: the permission is denied.
    const plain = await launchChromium(["--use-fake-device-for-media-stream"]);
    try {
      await inSession(plain, ctx.task.name, async (page) => {
      await startRehearsal(page, "Asking for a raise");
      await eventually(() => page.locator('.live__line[data-speaker="partner"]').count()).toBe(1);
      await page.getByRole("button", { name: "Speak" }).click();
      await page.getByText("Microphone access was refused", { exact: false }).waitFor();
      await page.getByLabel("Your answer").fill("I'd like to talk about my salary: I shipped the billing rewrite this year.");
      await page.keyboard.press("Enter");
      await eventually(() => page.locator('.live__line[data-speaker="user"]').first().textContent()).toContain("I shipped the billing rewrite");
      await eventually(() => page.locator('.live__line[data-speaker="partner"]').count()).toBe(2);
      const conn = (await connections()).at(-1)!;
      expect(conn.events).toContain("conversation.item.create");
      expect(conn.audioBytes).toBe(0);
      });
    } finally {
      await plain.close();
    }
  });
});
