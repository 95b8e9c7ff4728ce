/**
 * The output folder: refused if it is a system path, created if missing, checked to be a writable
 * folder before any work is done, and written to through writeFileSafely (whole files moved into
 * place; a file of an earlier run replaced only with --force). Nothing outside it is written.
 */
import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { UsageError } from "./errors.js";
import { checkNotSystemPath, checkWritable, writeFileSafely } from "./safeWrite.js";

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

/**
 * @param force replace files of the same name from an earlier run
 * @param names the files the command will write, checked now so a run does not fail at its end
 */
export function openOutputFolder(path: string, force = false, names: readonly string[] = []): OutputFolder {
  checkNotSystemPath(path);
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isFile())
      throw new UsageError("error.outIsFile", { path });
    mkdirSync(path, { recursive: true });
    accessSync(path, constants.W_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError("error.outNotWritable", { path, reason: reason(error) });
  }
  for (const name of names) checkWritable(join(path, name), force);
  return {
    path,
    write(name, data) {
      if (basename(name) !== name) throw new Error(`not a bare file name: ${name}`);
      const target = join(path, name);
      writeFileSafely(target, data, force);
      return target;
    },
  };
}

/** The two files of a figure named `name`. */
export const figureFiles = (name: string) => [`${name}.svg`, `${name}.png`];
