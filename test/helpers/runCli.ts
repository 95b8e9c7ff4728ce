import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/main.js";

const BIN = resolve(import.meta.dirname, "../../bin/reglab.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `reglab …args` as a user would, in `cwd` (default: a fresh temporary folder) — in this
 * process, through main(), the function the binary calls (the binary's own shim is tested by
 * spawnCli): a spawned Node per case cost ~1 s of start-up each, most of the suite's time.
 */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const cwd = options.cwd ?? freshFolder();
  const before = process.cwd();
  let stdout = "";
  let stderr = "";
  process.chdir(cwd);
  try {
    const status = await main(args, {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      env: { LANG: "en_US.UTF-8", ...options.env },
      stderrIsTerminal: false,
    });
    return { status, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

/** Runs the built `reglab` binary in a process of its own (for what only a real process shows). */
export function spawnCli(
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
