/**
 * The page's side of the playground's frame flow: of the frames the worker posts, only the newest
 * is drawn, at the next animation frame (or twice a second under reduced motion); the others are
 * dropped as stale, and the worker is told how many were taken so it never runs ahead by more than
 * a few.
 */
import type { PlaygroundFrame } from "./protocol.js";

export function frameQueue(
  draw: (frame: PlaygroundFrame) => void,
  ack: (frames: number) => void,
  reducedMotion: boolean,
): (frame: PlaygroundFrame) => void {
  let latest: PlaygroundFrame | null = null;
  let received = 0;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const frames = received;
    received = 0;
    if (latest) draw(latest);
    latest = null;
    ack(frames);
  };
  return (frame) => {
    latest = frame;
    received++;
    if (scheduled) return;
    scheduled = true;
    // reduced motion: redraw twice a second instead of every frame (training goes on meanwhile)
    if (reducedMotion) window.setTimeout(flush, 500);
    else requestAnimationFrame(flush);
  };
}
