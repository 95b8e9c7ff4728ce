/**
 * The lab's Web Worker: all training and path fitting run here, off the page's thread, on the very
 * same library the CLI uses. The playground trains in time slices of ~8 ms and posts a frame after
 * each slice while at most three frames wait to be drawn: the page always has a fresh one at its next
 * animation frame, and a slow page never builds up a queue.
 */
/// <reference lib="webworker" />
import { DataError } from "../../../src/data/dataError.js";
import { fitInstability } from "./instabilityJob.js";
import { boundaryStrip, fitPath } from "./pathJob.js";
import { PlaygroundSession } from "./playgroundSession.js";
import type { FromWorker, ToWorker } from "./protocol.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const SLICE_MS = 8;

let session: PlaygroundSession | null = null;
let running = false;
/** Frames posted and not yet drawn: a few in flight keep one ready for the page's next animation frame. */
let inFlight = 0;
const MAX_IN_FLIGHT = 3;
let timer: ReturnType<typeof setTimeout> | undefined;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function sendFrame(): void {
  if (!session) return;
  const frame = session.frame(running);
  inFlight++;
  post(frame, [frame.grid.buffer]);
  if (!frame.running) running = false;
}

function loop(): void {
  timer = undefined;
  if (!session || !running) return;
  session.runFor(SLICE_MS);
  if (inFlight < MAX_IN_FLIGHT || session.stopped) sendFrame();
  if (running) timer = setTimeout(loop, 0);
}

function errorMessage(run: number, job: string, error: unknown): FromWorker {
  if (error instanceof DataError)
    return {
      type: "error",
      run,
      job,
      key: error.key,
      params: error.params as Record<string, string | number>,
    };
  return { type: "error", run, job, key: "lab.unexpected", params: { message: String(error) } };
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "playground.start":
      try {
        session = new PlaygroundSession(message.run, message.config);
        inFlight = 0;
        sendFrame();
      } catch (error) {
        session = null;
        post(errorMessage(message.run, "playground", error));
      }
      if (running && !timer) timer = setTimeout(loop, 0);
      break;
    case "playground.live":
      session?.update(message.live, message.warmup);
      if (session && !running) sendFrame();
      break;
    case "playground.run":
      running = message.running;
      if (running && !timer) timer = setTimeout(loop, 0);
      if (!running) sendFrame();
      break;
    case "playground.step":
      running = false;
      session?.stepEpoch();
      sendFrame();
      break;
    case "playground.ack":
      inFlight = Math.max(0, inFlight - message.frames);
      break;
    case "playground.export":
      if (session) post({ type: "playground.model", model: session.exportModel() });
      break;
    case "path.fit":
      try {
        post({ type: "path.result", run: message.run, result: fitPath(message) });
      } catch (error) {
        post(errorMessage(message.run, "path", error));
      }
      break;
    case "path.strip":
      try {
        post({ type: "path.strip", run: message.run, result: boundaryStrip(message) });
      } catch (error) {
        post(errorMessage(message.run, "strip", error));
      }
      break;
    case "instability.fit":
      try {
        post({ type: "instability.result", run: message.run, result: fitInstability(message) });
      } catch (error) {
        post(errorMessage(message.run, "instability", error));
      }
      break;
  }
};
