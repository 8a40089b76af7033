// The offline try-on: the local compositor, run in the job itself. Its code (and the JPEG and
// PNG codecs) is loaded on first use, so no other route pays for it.
import type { TryOnProvider } from "./provider.ts";
import { FittingError } from "./provider.ts";

export const localProvider: TryOnProvider = {
  name: "local",
  async run(input, ctx) {
    await ctx.progress(20);
    const { composeTryOn } = await import("../compositor/compose.ts");
    const garments = [input.upper, input.lower].filter((g) => g !== null);
    let composed;
    try {
      composed = composeTryOn(input.model, garments);
    } catch (err) {
      // A photo the codecs cannot read will not read better on a second try.
      throw new FittingError("사진을 읽을 수 없습니다. 다른 JPEG나 PNG 사진으로 시도해 주세요. (The photo could not be read: try another JPEG or PNG.)", { retryable: false, cause: err });
    }
    await ctx.progress(90);
    return { bytes: composed.bytes, type: "image/jpeg" };
  },
};
