// Microphone capture to PCM16 24 kHz (an AudioWorklet in a 24 kHz context, so the browser
// resamples), and gapless playback of the partner's PCM16 24 kHz audio.
// Never inlined as a data: URL: the CSP loads scripts from our origin only.
import workletUrl from "./pcm-capture.worklet.js?url&no-inline";

const RATE = 24_000;

export type Mic = { stop(): void };

export class MicUnavailable extends Error {
  constructor(readonly reason: "denied" | "absent" | "unsupported") {
    super(reason);
  }
}

export async function startMic(onFrame: (base64: string) => void, onLevel: (level: number) => void): Promise<Mic> {
  if (!navigator.mediaDevices?.getUserMedia || typeof AudioWorkletNode === "undefined") throw new MicUnavailable("unsupported");
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
  } catch (err) {
    const name = err instanceof DOMException ? err.name : "";
    throw new MicUnavailable(name === "NotAllowedError" || name === "SecurityError" ? "denied" : "absent");
  }
  const ctx = new AudioContext({ sampleRate: RATE });
  await ctx.audioWorklet.addModule(workletUrl);
  const source = ctx.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(ctx, "pcm-capture");
  node.port.onmessage = (e: MessageEvent<{ samples: Float32Array; level: number }>) => {
    onLevel(e.data.level);
    onFrame(toPcm16Base64(e.data.samples));
  };
  source.connect(node);
  return {
    stop() {
      source.disconnect();
      node.disconnect();
      for (const track of stream.getTracks()) track.stop();
      void ctx.close();
    },
  };
}

export function toPcm16Base64(samples: Float32Array): string {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Plays PCM16 chunks back to back: each starts where the previous one ends. */
export class PcmPlayer {
  private ctx: AudioContext | null = null;
  private next = 0;

  play(base64: string): void {
    this.ctx ??= new AudioContext({ sampleRate: RATE });
    const binary = atob(base64);
    const count = binary.length >> 1;
    const buffer = this.ctx.createBuffer(1, count, RATE);
    const out = buffer.getChannelData(0);
    for (let i = 0; i < count; i++) {
      const v = binary.charCodeAt(i * 2) | (binary.charCodeAt(i * 2 + 1) << 8);
      out[i] = (v >= 0x8000 ? v - 0x10000 : v) / 0x8000;
    }
    const source = this.ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(this.ctx.destination);
    this.next = Math.max(this.next, this.ctx.currentTime);
    source.start(this.next);
    this.next += buffer.duration;
  }

  stop(): void {
    void this.ctx?.close();
    this.ctx = null;
    this.next = 0;
  }
}
