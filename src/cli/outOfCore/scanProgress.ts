/**
 * A progress bar on stderr for the scans of a table (a terminal only; not with --quiet): DuckDB's
 * percentage, and the rows it has read so far.
 */
import { SingleBar } from "cli-progress";
import type { CommandContext } from "../command.js";
import type { ScanProgress } from "./duckdbTable.js";

export function scanProgressBar(
  context: CommandContext,
  quiet = false,
): { onProgress?: ScanProgress; stop: () => void } {
  if (!context.interactive || quiet) return { stop: () => {} };
  let bar: SingleBar | null = null;
  return {
    onProgress(rows, percentage) {
      if (!bar) {
        bar = new SingleBar({
          format: `${context.t("table.scanning")} [{bar}] {value}% · {rows}`,
          stream: process.stderr,
        });
        bar.start(100, 0, { rows: "" });
      }
      bar.update(Math.min(100, Math.round(percentage)), { rows: context.t("table.rowsRead", { rows }) });
    },
    stop: () => bar?.stop(),
  };
}
