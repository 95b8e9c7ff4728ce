/**
 * Files are precious (git's lock-file-and-rename): every file reglab writes is first written whole
 * to a temporary file beside its target, then moved into place in one step — by a hard link, which
 * fails if the target appeared meanwhile, unless the user passed --force (then a rename replaces
 * it). A file reglab read as input is never a target, --force or not, and neither is anything in
 * /proc, /sys or /dev.
 */
import { linkSync, lstatSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "./errors.js";

/** The inputs of this run, by device and inode, so no path spelling can overwrite one. */
const inputs = new Set<string>();
/** The files this run has written (absolute paths): none is written twice (a --save onto a figure). */
const written = new Set<string>();

const identity = (stats: { dev: number; ino: number }) => `${stats.dev}:${stats.ino}`;

/** A new run: no inputs yet (main calls it, so runs in one process do not share their inputs). */
export function forgetInputs(): void {
  inputs.clear();
  written.clear();
}

/** Marks a file just opened for reading as an input: never to be written over. */
export function rememberInput(stats: { dev: number; ino: number }): void {
  inputs.add(identity(stats));
}

/** Where a path really points, for the folders it is in that exist (symbolic links followed). */
function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
  }
}

/** Refuses the kernel's pseudo-file systems: writing there hangs, fails oddly or changes the machine. */
export function checkNotSystemPath(path: string): void {
  const real = realPath(path);
  if (/^\/(proc|sys|dev)(\/|$)/.test(real)) throw new UsageError("file.systemPath", { path });
}

function reason(error: unknown): string {
  return String((error as NodeJS.ErrnoException).code ?? error);
}

/**
 * Can `target` be written? Throws the UsageError that says why not: an input file, an existing
 * file without --force, a system path, a missing or unwritable folder.
 */
export function checkWritable(target: string, force: boolean, folderToBe?: string): void {
  checkNotSystemPath(target);
  if (written.has(resolve(target))) throw new UsageError("file.writtenTwice", { path: target });
  try {
    // the name itself (a dangling symbolic link counts as there), then what it points to
    const entry = lstatSync(target, { throwIfNoEntry: false });
    const stats = entry?.isSymbolicLink() ? statSync(target, { throwIfNoEntry: false }) : entry;
    if (stats?.isDirectory()) throw new UsageError("file.targetIsFolder", { path: target });
    if (stats && inputs.has(identity(stats))) throw new UsageError("file.isInput", { path: target });
    if (entry && !force) throw new UsageError("file.exists", { path: target });
    const folder = dirname(resolve(target));
    const folderStats = statSync(folder, { throwIfNoEntry: false });
    // (the --out folder, made before anything is written, counts as there)
    const madeLater = folderToBe !== undefined && resolve(folderToBe) === folder;
    if (!folderStats?.isDirectory() && !madeLater)
      throw new UsageError("file.noFolder", { path: target, folder });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // ELOOP (a loop of links), ENOTDIR (a file where a folder should be), EACCES, …
    throw new UsageError("file.notWritable", { path: target, reason: reason(error) });
  }
}

/** Writes `data` to `target` atomically; an existing target is replaced only with `force`. */
export function writeFileSafely(target: string, data: string | Uint8Array, force: boolean): void {
  checkWritable(target, force);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temporary, data, { flag: "wx" });
  } catch (error) {
    throw new UsageError("file.notWritable", { path: target, reason: reason(error) });
  }
  try {
    if (force) {
      // the input check again, as close to the move as it can be
      const stats = statSync(target, { throwIfNoEntry: false });
      if (stats && inputs.has(identity(stats))) throw new UsageError("file.isInput", { path: target });
      renameSync(temporary, target);
      written.add(resolve(target));
      return;
    }
    try {
      linkSync(temporary, target); // atomic, and fails if the target exists: nothing is replaced
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST")
        throw new UsageError("file.appeared", { path: target });
      throw error;
    }
    unlinkSync(temporary);
    written.add(resolve(target));
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already moved or never made
    }
    if (error instanceof UsageError) throw error;
    throw new UsageError("file.notWritable", { path: target, reason: reason(error) });
  }
}
