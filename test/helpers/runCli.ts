import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const BIN = resolve(import.meta.dirname, "../../bin/reglab.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `reglab` command as a user would, in `cwd` (default: a fresh temporary folder). */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? freshFolder(),
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function freshFolder(): string {
  return mkdtempSync(join(tmpdir(), "reglab-test-"));
}
