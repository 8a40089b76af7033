// Starts the fake outside services on loopback before the Workers-runtime tests and hands
// their URLs to vitest.config.ts (`inject`), which passes them to the Worker as bindings.
import type { TestProject } from "vitest/node";
import { startFakeAnthropic } from "./fakes/anthropic.ts";
import { startFakeFitRoom } from "./fakes/fitroom.ts";
import { startFakeKakao } from "./fakes/kakao.ts";
import { startFakeOpenAI } from "./fakes/openai.ts";
import { startFakeRealtime } from "./fakes/realtime.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The fake OpenAI's API base URL (…/v1), as the SDK's `baseURL` takes it. */
    openaiBaseUrl: string;
    /** The fake Anthropic's origin, as the SDK's `baseURL` takes it. */
    anthropicBaseUrl: string;
    /** The fake FitRoom's origin (FITROOM_BASE_URL). */
    fitroomUrl: string;
    /** The fake Realtime API's WebSocket URL (OPENAI_REALTIME_URL). */
    realtimeUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const [kakao, openai, anthropic, fitroom, realtime] = await Promise.all([startFakeKakao(), startFakeOpenAI(), startFakeAnthropic(), startFakeFitRoom(), startFakeRealtime()]);
  project.provide("kakaoUrl", kakao.url);
  project.provide("openaiBaseUrl", openai.baseURL);
  project.provide("anthropicBaseUrl", anthropic.url);
  project.provide("fitroomUrl", fitroom.url);
  project.provide("realtimeUrl", realtime.url);
  return async () => {
    // closeAllConnections: a stalled fake stream must not hold the shutdown.
    await Promise.all(
      [kakao.server, openai.server, anthropic.server, fitroom.server, realtime.server].map((server) => {
        server.closeAllConnections();
        return new Promise((resolve) => server.close(resolve));
      }),
    );
  };
}
