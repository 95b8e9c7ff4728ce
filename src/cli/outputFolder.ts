/**
 * The output folder: created if missing, checked to be a writable folder before any work is done,
 * and written to atomically (a temporary file renamed into place), so an interrupted run never
 * leaves half a figure behind. Nothing outside this folder is ever written.
 */
import { accessSync, constants, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { UsageError } from "./errors.js";

export interface OutputFolder {
  path: string;
  /** Writes `name` (a bare file name) inside the folder and returns its path. */
  write(name: string, data: string | Uint8Array): string;
}

function reason(error: unknown): string {
  return error instanceof Error && "code" in error
    ? String((error as NodeJS.ErrnoException).code)
    : String(error);
}

export function openOutputFolder(path: string): OutputFolder {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isFile())
      throw new UsageError("error.outIsFile", { path });
    mkdirSync(path, { recursive: true });
    accessSync(path, constants.W_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError("error.outNotWritable", { path, reason: reason(error) });
  }
  return {
    path,
    write(name, data) {
      if (basename(name) !== name) throw new Error(`not a bare file name: ${name}`);
      const target = join(path, name);
      const temporary = join(path, `.${name}.${process.pid}.tmp`);
      try {
        writeFileSync(temporary, data);
        renameSync(temporary, target);
      } catch (error) {
        throw new UsageError("error.outNotWritable", { path, reason: reason(error) });
      }
      return target;
    },
  };
}
