/**
 * The lab's Web Worker: all training and path fitting run here, off the page's thread, on the very
 * same library the CLI uses. The playground trains in time slices of ~8 ms and posts a frame after
 * each slice while at most three frames wait to be drawn: the page always has a fresh one at its next
 * animation frame, and a slow page never builds up a queue. At a set pace (epochs per second, so
 * a student can watch overfitting happen) it runs only the epochs that are due and then waits.
 */
/// <reference lib="webworker" />
import { DataError } from "../../../src/data/dataError.js";
import { fitInstability } from "./instabilityJob.js";
import { fitBoundaryStrip, fitPath } from "./pathJob.js";
import { PlaygroundSession } from "./playgroundSession.js";
import type { FromWorker, ToWorker } from "./protocol.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const SLICE_MS = 8;

let session: PlaygroundSession | null = null;
let running = false;
/** Frames posted and not yet drawn: a few in flight keep one ready for the page's next animation frame. */
let inFlight = 0;
const MAX_IN_FLIGHT = 3;
/** A loop is scheduled (by a timer, or by a message to ourselves). */
let scheduled = false;
/** Epochs per second (0 = as fast as possible), and the epochs run since the pace was last set. */
let pace = 0;
let pacedSince = 0;
let pacedEpochs = 0;

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

function restartPace(): void {
  pacedSince = performance.now();
  pacedEpochs = 0;
}

/** Paced: the epochs due by now (none, often); a frame only when something changed. */
function pacedSlice(current: PlaygroundSession): boolean {
  const due = Math.floor((pace * (performance.now() - pacedSince)) / 1000) - pacedEpochs;
  let ran = 0;
  while (ran < due && current.stepEpoch()) ran++;
  pacedEpochs += due;
  return ran > 0 || current.stopped;
}

/**
 * The next loop, after `delay` ms — or, at full speed, as soon as the page's messages (acks, new
 * settings) have been handled: a message to ourselves, not setTimeout(0), which from its fifth call
 * in a chain waits ≥ 4 ms (HTML's clamp) — a third of every loop spent idle.
 */
const wake = new MessageChannel();
wake.port1.onmessage = () => loop();
function schedule(delay: number): void {
  if (scheduled) return;
  scheduled = true;
  if (delay > 0) setTimeout(loop, delay);
  else wake.port2.postMessage(null);
}

function loop(): void {
  scheduled = false;
  if (!session || !running) return;
  const changed = pace > 0 ? pacedSlice(session) : session.runFor(SLICE_MS) > 0 || session.stopped;
  if (changed && (inFlight < MAX_IN_FLIGHT || session.stopped)) sendFrame();
  if (running) schedule(pace > 0 ? Math.min(50, 500 / pace) : 0);
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
        restartPace();
        sendFrame();
      } catch (error) {
        session = null;
        post(errorMessage(message.run, "playground", error));
      }
      if (running) schedule(0);
      break;
    case "playground.live":
      session?.update(message.live, message.warmup);
      if (session && !running) sendFrame();
      break;
    case "playground.pace":
      pace = message.epochsPerSecond;
      restartPace();
      break;
    case "playground.run":
      running = message.running;
      restartPace();
      if (running) schedule(0);
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
        post({ type: "path.strip", run: message.run, result: fitBoundaryStrip(message) });
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
