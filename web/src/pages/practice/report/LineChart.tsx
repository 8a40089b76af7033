// A line chart (uPlot, canvas) with a text twin for screen readers: x is time, each series a
// line; an optional band shades the range that counts as good. uPlot (23 KiB gzip, more than
// the rest of a report page) is its own chunk, fetched when a chart mounts: the page's text
// and scores show first, and the chart's box keeps its height so nothing moves when it draws.
import { onCleanup, onMount } from "solid-js";
import type uPlot from "uplot";

const CHART_HEIGHT = 220;

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
  let resize: ResizeObserver | undefined;
  let disposed = false;
  onCleanup(() => {
    disposed = true;
    resize?.disconnect();
    plot?.destroy();
  });
  onMount(async () => {
    const { default: UPlot } = await import("./uplot");
    if (!host || disposed) return;
    const band = props.band;
    const opts: uPlot.Options = {
      width: host.clientWidth || 600,
      height: CHART_HEIGHT,
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
    plot = new UPlot(opts, [props.x, ...props.series.map((s) => s.values)] as uPlot.AlignedData, host);
    resize = new ResizeObserver(() => plot?.setSize({ width: host!.clientWidth, height: CHART_HEIGHT }));
    resize.observe(host);
  });
  return (
    <figure class="line-chart">
      <div ref={host} class="line-chart__plot" role="img" aria-label={`${props.label}. ${props.summary}`} />
      <figcaption class="visually-hidden">{props.summary}</figcaption>
    </figure>
  );
}
