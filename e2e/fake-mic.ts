// A fake microphone for Chromium: a sentence spoken by espeak-ng, padded with silence on both
// sides, written as a 16-bit mono WAV that Chromium plays in a loop as the microphone
// (--use-file-for-fake-audio-capture). The silence lets a voice activity detector find the
// end of each turn.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Writes the WAV and returns the Chromium flags that make it the microphone. */
export function fakeMicrophone(text: string, file: string, { voice = "en-us", wpm = 150, silenceMs = 1_200 } = {}): string[] {
  const wav = execFileSync("espeak-ng", ["-v", voice, "-s", String(wpm), "--stdout", text], { maxBuffer: 64 << 20 });
  const { rate, pcm } = readWav(wav);
  const pad = Buffer.alloc(Math.round((rate * silenceMs) / 1000) * 2);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, wavFile(rate, Buffer.concat([pad, pcm, pad])));
  return ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-audio-capture=${file}`];
}

/** The sample rate and the PCM16 mono data of a RIFF WAV (espeak-ng's --stdout leaves the sizes unset). */
function readWav(wav: Buffer): { rate: number; pcm: Buffer } {
  if (wav.toString("ascii", 0, 4) !== "RIFF" || wav.toString("ascii", 8, 12) !== "WAVE") throw new Error("espeak-ng did not write a WAV");
  let offset = 12;
  let rate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString("ascii", offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === "fmt ") {
      if (wav.readUInt16LE(offset + 8) !== 1 || wav.readUInt16LE(offset + 10) !== 1 || wav.readUInt16LE(offset + 22) !== 16) throw new Error("expected PCM16 mono");
      rate = wav.readUInt32LE(offset + 12);
    }
    // A streamed WAV's data size is 0 or 0xffffffff: the data runs to the end.
    if (id === "data") return { rate, pcm: wav.subarray(offset + 8, size && size !== 0xffffffff ? offset + 8 + size : wav.length) };
    offset += 8 + size + (size & 1);
  }
  throw new Error("no data chunk in the WAV");
}

function wavFile(rate: number, pcm: Buffer): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}
