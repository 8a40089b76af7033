// A line chart (uPlot, canvas) with a text twin for screen readers: x is time, each series a
// line; an optional band shades the range that counts as good.
import { onCleanup, onMount } from "solid-js";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export type Series = { label: string; values: (number | null)[]; color: string };

export function LineChart(props: {
  label: string;
  /** Seconds (for uPlot's time axis) or plain numbers. */
  x: number[];
  time?: boolean;
  series: Series[];
  band?: [number, number];
  yRange?: [number, number];
  xLabel?: (x: number) => string;
  summary: string;
}) {
  let host: HTMLDivElement | undefined;
  let plot: uPlot | undefined;
  onMount(() => {
    if (!host) return;
    const band = props.band;
    const opts: uPlot.Options = {
      width: host.clientWidth || 600,
      height: 220,
      scales: { x: { time: props.time ?? false }, y: props.yRange ? { range: props.yRange } : {} },
      axes: [{ stroke: "#575064", grid: { stroke: "#eee6da" }, ...(props.xLabel ? { values: (_u, splits) => splits.map((v) => props.xLabel!(v)) } : {}) }, { stroke: "#575064", grid: { stroke: "#eee6da" } }],
      legend: { show: props.series.length > 1 },
      series: [{}, ...props.series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: true, size: 6 } }))],
      hooks: band
        ? {
            drawClear: [
              (u: uPlot) => {
                const top = u.valToPos(band[1], "y", true);
                const bottom = u.valToPos(band[0], "y", true);
                u.ctx.save();
                u.ctx.fillStyle = "rgba(29, 107, 72, 0.10)";
                u.ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
                u.ctx.restore();
              },
            ],
          }
        : {},
    };
    plot = new uPlot(opts, [props.x, ...props.series.map((s) => s.values)] as uPlot.AlignedData, host);
    const resize = new ResizeObserver(() => plot?.setSize({ width: host!.clientWidth, height: 220 }));
    resize.observe(host);
    onCleanup(() => {
      resize.disconnect();
      plot?.destroy();
    });
  });
  return (
    <figure class="line-chart">
      <div ref={host} role="img" aria-label={`${props.label}. ${props.summary}`} />
      <figcaption class="visually-hidden">{props.summary}</figcaption>
    </figure>
  );
}
