import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/errors.js";
import { checkWritable, rememberInput, writeFileSafely } from "../../src/cli/safeWrite.js";
import { freshFolder, runCli } from "../helpers/runCli.js";

const DATA = resolve(import.meta.dirname, "../../data");

function keyOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof UsageError) return error.key;
    throw error;
  }
  return "no error";
}

describe("writeFileSafely (files are precious)", () => {
  it("a file that appears between the check and the write is left as it is", async () => {
    const target = join(freshFolder(), "model.json");
    checkWritable(target, false); // before the fit: nothing there
    writeFileSync(target, "another run's model"); // during the fit
    expect(keyOf(() => writeFileSafely(target, "ours", false))).toMatch(/^file\.(exists|appeared)$/);
    expect(readFileSync(target, "utf8")).toBe("another run's model");
    expect(readdirSync(join(target, ".."))).toEqual(["model.json"]); // no temporary left behind
  });

  it("replaces an existing file only with force, whole", async () => {
    const target = join(freshFolder(), "figure.svg");
    writeFileSync(target, "old");
    expect(keyOf(() => writeFileSafely(target, "new", false))).toBe("file.exists");
    writeFileSafely(target, "new", true);
    expect(readFileSync(target, "utf8")).toBe("new");
  });

  it("never writes over an input, even with force", async () => {
    const input = join(freshFolder(), "data.csv");
    writeFileSync(input, "x,y\n1,2\n");
    rememberInput(statSync(input));
    expect(keyOf(() => writeFileSafely(input, "{}", true))).toBe("file.isInput");
    expect(readFileSync(input, "utf8")).toBe("x,y\n1,2\n");
  });

  it("refuses system paths and missing folders before writing anything", async () => {
    expect(keyOf(() => checkWritable("/proc/x", true))).toBe("file.systemPath");
    expect(keyOf(() => checkWritable("/dev/null", true))).toBe("file.systemPath");
    expect(keyOf(() => checkWritable(join(freshFolder(), "missing", "m.json"), false))).toBe("file.noFolder");
  });
});

describe("the commands keep files safe", () => {
  it("--save naming the input CSV is refused with --force, and the data are untouched", async () => {
    const cwd = freshFolder();
    const input = join(cwd, "data.csv");
    const text = readFileSync(join(DATA, "diabetes.csv"), "utf8");
    writeFileSync(input, text);
    const result = await runCli(["path", "data.csv", "--save", "./data.csv", "--force"], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /is an input of this run; reglab never writes over its inputs, even with --force/,
    );
    expect(readFileSync(input, "utf8")).toBe(text);
  });

  it("figures of an earlier run are replaced only with --force, and the files written are listed", async () => {
    const cwd = freshFolder();
    const args = ["sigmoid", "0.001", "--out", "figs"];
    expect((await runCli(args, { cwd })).status).toBe(0);
    const before = readFileSync(join(cwd, "figs", "sigmoid-all.svg"));
    const again = await runCli(args, { cwd });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists already\. Pass --force/);
    expect(readFileSync(join(cwd, "figs", "sigmoid-all.svg"))).toEqual(before);
    const forced = await runCli([...args, "--force"], { cwd });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/wrote figs\/sigmoid-all\.svg/);
  });

  it("--out /proc/x is refused at once (it used to hang)", async () => {
    const result = await runCli(["sigmoid", "--out", "/proc/x"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/inside \/proc, \/sys or \/dev/);
  });

  it("--save into a missing folder, or '', is one clear line before the fit", async () => {
    const cwd = freshFolder();
    const missing = await runCli(["path", join(DATA, "diabetes.csv"), "--save", "no/such/m.json"], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/the folder '.*no\/such' does not exist/);
    const empty = await runCli(["path", join(DATA, "diabetes.csv"), "--save", ""], { cwd });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/--save needs a file name/);
    expect(existsSync(join(cwd, "reglab-out"))).toBe(false);
  });
});
