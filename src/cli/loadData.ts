/** The data of a training command: a CSV file (streamed by readCsv) or a generated 2-D set. */
import { closeSync, readFileSync } from "node:fs";
import { DataError, displayName } from "../data/dataError.js";
import { type Dataset2dName, dataset2d } from "../data/datasets2d.js";
import type { Dataset } from "../data/parseCsv.js";
import type { CommandContext } from "./command.js";
import { UsageError } from "./errors.js";
import { openInput, readCsvDataset } from "./readCsv.js";
import { sniffNotText } from "./sniffFile.js";

export interface DataSource {
  file?: string;
  dataset?: Dataset2dName;
  samples: number;
  noise: number;
  seed: number;
  target?: string;
  na: "error" | "drop";
}

/** Small text inputs (a λ list, fold ids, a saved model): read whole, after the same checks as a CSV. */
export function readTextFile(file: string, limitBytes = 256 << 20): string {
  const { fd, size } = openInput(file);
  try {
    if (size > limitBytes)
      throw new DataError("file.tooLarge", { file: displayName(file, 200), size, limit: limitBytes });
    const bytes = readFileSync(fd);
    sniffNotText(bytes.subarray(0, 1 << 16), file);
    return bytes.toString("utf8");
  } catch (error) {
    if (error instanceof DataError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError("data.unreadable", { file: displayName(file, 200), reason: code ?? String(error) });
  } finally {
    closeSync(fd);
  }
}

export function loadData(source: DataSource, context: CommandContext): Dataset {
  if (source.file === undefined && source.dataset === undefined) throw new UsageError("train.needsData");
  if (source.file !== undefined && source.dataset !== undefined)
    throw new UsageError("data.fileAndDataset", {
      file: displayName(source.file, 200),
      dataset: source.dataset,
    });
  if (source.file === undefined) {
    return dataset2d(source.dataset!, { samples: source.samples, noise: source.noise, seed: source.seed });
  }
  const data = readCsvDataset(source.file, { target: source.target, na: source.na });
  warnAboutData(data, source.file, context);
  return data;
}

/** Warnings about a data set read from `file`: rows dropped, constant columns (stderr). */
export function warnAboutData(data: Dataset, file: string, context: CommandContext): void {
  const name = displayName(file, 200);
  if (data.droppedRows > 0)
    context.info(`${context.t("warning.dropped", { file: name, count: data.droppedRows })}\n`);
  for (const column of data.constantColumns)
    context.info(`${context.t("warning.constant", { file: name, name: displayName(column) })}\n`);
}
