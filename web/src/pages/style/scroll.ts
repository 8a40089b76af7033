// The conversation scrolls with the page, and keeps where the reader is as it changes size:
// at the end while the reader is there (answers streaming in), otherwise with the turn at
// the top of the screen held in place (older messages put in front, pictures loading above
// it). Browsers that anchor scrolling themselves have done so already; this then moves
// nothing.
import { onCleanup } from "solid-js";

/** How close to the end still counts as reading the end. */
const NEAR_END_PX = 120;

const page = () => document.documentElement;

export function keepInView(log: HTMLElement) {
  let following = true;
  let anchor: { turn: Element; top: number } | null = null;
  /** Where the last scroll of ours put the page: its scroll event is not the reader's. */
  let ours: number | null = null;

  function scrollTo(top: number) {
    window.scrollTo({ top });
    ours = window.scrollY;
  }

  /** The first turn still on screen, and where it is. */
  function remember() {
    const turn = [...log.children].find((t) => t.getBoundingClientRect().bottom > 0);
    anchor = turn ? { turn, top: turn.getBoundingClientRect().top } : null;
  }

  // The reader's scrolls decide: at the end, follow it; anywhere else, hold that place.
  // (Ours are skipped: the page may have grown since, which is no choice of the reader's.)
  const onScroll = () => {
    const y = window.scrollY;
    const mine = ours !== null && Math.abs(y - ours) < 1;
    ours = null;
    if (mine) return;
    following = window.innerHeight + y >= page().scrollHeight - NEAR_END_PX;
    remember();
  };

  const observer = new ResizeObserver(() => {
    if (following) scrollTo(page().scrollHeight);
    else if (anchor?.turn.isConnected) scrollTo(window.scrollY + anchor.turn.getBoundingClientRect().top - anchor.top);
  });
  observer.observe(log);
  window.addEventListener("scroll", onScroll, { passive: true });
  onCleanup(() => {
    observer.disconnect();
    window.removeEventListener("scroll", onScroll);
  });

  return {
    /**
     * Goes to the end and follows it again (a room's newest messages, a new question). The
     * scroll waits for the next frame: measuring the page now, in the middle of rendering the
     * turns, would lay it all out an extra time (a forced reflow); the frame lays it out anyway.
     */
    followEnd: () => {
      following = true;
      requestAnimationFrame(() => following && scrollTo(page().scrollHeight));
    },
  };
}

/**
 * Calls `reached` whenever `marker` comes into view; when it brought something (true), asks
 * again if the marker is still in view after it.
 */
export function whenVisible(marker: HTMLElement, reached: () => Promise<boolean>) {
  const observer = new IntersectionObserver(async (entries) => {
    if (!entries.some((e) => e.isIntersecting) || !(await reached())) return;
    observer.unobserve(marker); // observing again reports the marker's state afresh
    observer.observe(marker);
  });
  observer.observe(marker);
  onCleanup(() => observer.disconnect());
}
