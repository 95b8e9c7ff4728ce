/** The data of a training command: a CSV file (read here, parsed by the pure parser) or a 2-D set. */
import { readFileSync } from "node:fs";
import { DataError, displayName } from "../data/dataError.js";
import { type Dataset2dName, dataset2d } from "../data/datasets2d.js";
import { type Dataset, parseCsv } from "../data/parseCsv.js";
import type { CommandContext } from "./command.js";
import { UsageError } from "./errors.js";

export interface DataSource {
  file?: string;
  dataset?: Dataset2dName;
  samples: number;
  noise: number;
  seed: number;
  target?: string;
  na: "error" | "drop";
}

export function readCsvFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DataError("data.notFound", { file: displayName(file, 200) });
    throw new DataError("data.unreadable", { file: displayName(file, 200), reason: code ?? String(error) });
  }
}

export function loadData(source: DataSource, context: CommandContext): Dataset {
  if (source.file === undefined && source.dataset === undefined) throw new UsageError("train.needsData");
  if (source.file === undefined) {
    return dataset2d(source.dataset!, { samples: source.samples, noise: source.noise, seed: source.seed });
  }
  const data = parseCsv(readCsvFile(source.file), source.file, { target: source.target, na: source.na });
  const file = displayName(source.file, 200);
  if (data.droppedRows > 0)
    context.info(`${context.t("warning.dropped", { file, count: data.droppedRows })}\n`);
  for (const name of data.constantColumns)
    context.info(`${context.t("warning.constant", { file, name: displayName(name) })}\n`);
  return data;
}
