// AudioWorklet: the microphone's samples (the context runs at 24 kHz) in 100 ms frames of
// Float32, with their loudness, posted to the page, which turns them into PCM16 for Realtime.
class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.frame = new Float32Array(2400);
    this.filled = 0;
  }
  process(inputs) {
    const input = inputs[0] && inputs[0][0];
    if (!input) return true;
    let offset = 0;
    while (offset < input.length) {
      const take = Math.min(input.length - offset, this.frame.length - this.filled);
      this.frame.set(input.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.frame.length) {
        let sum = 0;
        for (let i = 0; i < this.frame.length; i++) sum += this.frame[i] * this.frame[i];
        this.port.postMessage({ samples: this.frame, level: Math.sqrt(sum / this.frame.length) });
        this.frame = new Float32Array(2400);
        this.filled = 0;
      }
    }
    return true;
  }
}
registerProcessor("pcm-capture", PcmCapture);
