/**
 * Runs that would not fit are refused before they start, with the estimate: a quarter of the
 * machine's memory is the budget (the rest is the system's and the user's), so a typo such as
 * `--hidden 1000000` is one clear line at once, not a 37-second swap storm and a crash.
 */
import { totalmem } from "node:os";
import { UsageError } from "./errors.js";

export const MEMORY_SHARE = 0.25;

export function memoryBudgetBytes(): number {
  return totalmem() * MEMORY_SHARE;
}

/** "8.4 GB", "120 MB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB", "PB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${size.toFixed(size >= 100 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** Throws if `bytes` is over the budget; `what` names the option or input that asks for it. */
export function checkMemory(bytes: number, what: string): void {
  const budget = memoryBudgetBytes();
  if (bytes > budget)
    throw new UsageError("error.needsMemory", {
      what,
      need: formatBytes(bytes),
      budget: formatBytes(budget),
    });
}

/**
 * What training a network of layer widths `sizes` on `rows` rows holds: per layer and row six
 * activation buffers (z, a, σ', ∂E/∂a, ∂E/∂z, the dropout mask), and per parameter five copies
 * (the weights, two gradient buffers, Adam's two moments).
 */
export function networkTrainingBytes(sizes: readonly number[], rows: number): number {
  let units = 0;
  let parameters = 0;
  sizes.forEach((size, l) => {
    units += size;
    if (l > 0) parameters += size * (sizes[l - 1]! + 1);
  });
  return 8 * (6 * rows * units + 5 * parameters);
}
