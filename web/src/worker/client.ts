/** The page's side of the lab worker: one worker, messages routed to the chapters that asked. */
import type { FromWorker, ToWorker } from "./protocol.js";

type Handler = (message: FromWorker) => void;
let worker: Worker | null = null;
const handlers = new Set<Handler>();

function ensureWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./labWorker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      for (const handler of handlers) handler(event.data);
    };
  }
  return worker;
}

export function sendToWorker(message: ToWorker, transfer: Transferable[] = []): void {
  ensureWorker().postMessage(message, transfer);
}

export function onWorkerMessage(handler: Handler): void {
  ensureWorker();
  handlers.add(handler);
}

let runs = 0;
/** A fresh id for a request, so a chapter can ignore answers to requests it has since replaced. */
export const nextRun = (): number => ++runs;
