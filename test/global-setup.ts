// Starts the fake outside services on loopback before the Workers-runtime tests and hands
// their URLs to vitest.config.ts (`inject`), which passes them to the Worker as bindings.
import type { TestProject } from "vitest/node";
import { startFakeKakao } from "./fakes/kakao.ts";

export default async function setup(project: TestProject) {
  const kakao = await startFakeKakao();
  project.provide("kakaoUrl", kakao.url);
  return async () => {
    await new Promise((resolve) => kakao.server.close(resolve));
  };
}
