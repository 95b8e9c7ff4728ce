/**
 * Random malformed inputs to every command (seeded, so a failure replays): CSV files with broken
 * headers, ragged rows, words, empty cells, extreme and infinite numbers and stray quotes, and
 * option values from the plausible to the absurd. Whatever comes in, reglab ends in one of two
 * ways: exit 0 with a --json document whose numbers are all there, or exit 2 with one line.
 * Never exit 1 ("unexpected"), never a stack trace, never a NaN printed as null.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lostNumbers, run } from "../helpers/inProcessCli.js";
import { freshFolder } from "../helpers/runCli.js";

const DATA = resolve(import.meta.dirname, "../../data");

const cell = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((v) => String(+v.toPrecision(4))),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 3 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      "abc",
      "inf",
      "-Infinity",
      "1e400",
      "1e-320",
      "1e300",
      "0x1F",
      '"',
      '"1"',
      " 2 ",
      "1,5",
      "NaN",
    ),
  },
);
const header = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .integer({ min: 1, max: 5 })
      .map((p) => [...Array.from({ length: p }, (_, j) => `x${j}`), "y"]),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(["x", "x", "y"], ["", "y"], ["y"], ["a;b;y"], ["x", 'q"uote', "y"]),
  },
);
const csvText = fc
  .tuple(
    header,
    fc.integer({ min: 0, max: 40 }),
    fc.boolean(),
    fc.array(cell, { minLength: 400, maxLength: 400 }),
  )
  .map(([names, rows, ragged, cells]) => {
    const lines = [names.join(",")];
    let k = 0;
    for (let i = 0; i < rows; i++) {
      const width = ragged && i === rows - 1 ? names.length + 1 : names.length;
      lines.push(Array.from({ length: width }, () => cells[k++ % cells.length]).join(","));
    }
    return `${lines.join(i2eol(rows))}\n`;
  });
const i2eol = (rows: number) => (rows % 3 === 0 ? "\r\n" : "\n");

const value = fc.constantFrom(
  "0",
  "1",
  "2",
  "3",
  "0.5",
  "-1",
  "",
  "abc",
  "1e400",
  "1e-300",
  "8,,8",
  "2,3",
  "NaN",
  "1e9",
);
const COMMANDS: Record<string, { options: string[]; fixed: string[]; file: boolean }> = {
  sigmoid: { options: ["--x-min", "--x-max", "--points", "--c", "--saturation"], fixed: [], file: false },
  descend: {
    options: ["--l2", "--learning-rates", "--initial-weights", "--input-scale", "--noise"],
    fixed: ["--steps", "30"],
    file: false,
  },
  train: {
    options: ["--hidden", "--lr", "--l2", "--dropout", "--train-ratio", "--batch"],
    fixed: ["--epochs", "3"],
    file: true,
  },
  path: {
    options: ["--alpha", "--nlambda", "--lambda-min-ratio", "--family", "--target"],
    fixed: [],
    file: true,
  },
  cv: {
    options: ["--alpha", "--folds", "--family", "--measure", "--nlambda"],
    fixed: ["--nlambda", "8"],
    file: true,
  },
};
const FAMILIES = ["gaussian", "binomial", "multinomial"];

describe("any input ends in exit 0 with every number, or exit 2 with one line", () => {
  it("random malformed CSVs and option strings, to every command", async () => {
    const folder = freshFolder();
    let count = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(COMMANDS)),
        csvText,
        fc.array(fc.tuple(fc.nat(), value), { maxLength: 3 }),
        fc.boolean(),
        async (name, text, picks, useShipped) => {
          const command = COMMANDS[name]!;
          const file = join(folder, `in-${count}.csv`);
          writeFileSync(file, text);
          const args = [name];
          if (command.file) args.push(useShipped ? join(DATA, "iris.csv") : file);
          for (const [index, raw] of picks) {
            const option = command.options[index % command.options.length]!;
            args.push(
              option,
              option === "--family" || option === "--measure" ? (FAMILIES[index % 3] ?? raw) : raw,
            );
          }
          args.push(...command.fixed, "--json", "--out", join(folder, `out-${count++}`));
          const result = await run(args);
          const said = `reglab ${args.join(" ")}\n${result.stderr}`;
          expect([0, 2], said).toContain(result.status);
          expect(result.stderr, said).not.toMatch(/\n\s+at /); // no stack trace
          if (result.status === 2) {
            expect(result.stderr.trimEnd().split("\n"), said).toHaveLength(1);
            expect(result.stdout, said).toBe("");
          } else {
            expect(lostNumbers(result.stdout), said).toEqual([]);
          }
        },
      ),
      { numRuns: 70, seed: 20261202 },
    );
  }, 240_000);
});
