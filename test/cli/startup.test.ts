// What a command loads before it runs: the static import graph of each command's module (the
// compiled dist/, what `reglab` runs). `reglab path --json` and `reglab cv --json` print numbers
// only, so their graphs must not reach the plotting, the rasterizer and its fonts, or the network
// trainer — each of those is loaded by `import()` when a run draws (issue 16, goal 5: half a
// second of a 0.7 s run was the network trainer's plotting, pulled in for one option's spec).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const DIST = resolve(__dirname, "../../dist");

/** Every module reachable by static `import … from` / `export … from` (not by `import()`). */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)";/gms)) {
      const specifier = match[1]!;
      if (specifier.startsWith(".")) pending.push(join(dirname(file), specifier));
      else if (!specifier.startsWith("node:")) packages.add(specifier);
    }
    for (const match of source.matchAll(/^import\s+"([^"]+)";/gm))
      if (match[1]!.startsWith(".")) pending.push(join(dirname(file), match[1]!));
  }
  return { files, packages };
}

const relative = (files: Set<string>) => [...files].map((file) => file.slice(DIST.length + 1));

describe.skipIf(!existsSync(join(DIST, "cli/commands/path.js")))("start-up: what a command loads", () => {
  for (const command of ["path", "cv", "predict"]) {
    it(`${command} does not load plotting, fonts or the network trainer until it draws`, () => {
      const { files, packages } = staticGraph(join(DIST, `cli/commands/${command}.js`));
      const loaded = relative(files);
      expect(
        loaded.filter((file) =>
          /^(plot|nn)\/|^cli\/(render|networkOptions)\.js$|^cli\/commands\/train\.js$/.test(file),
        ),
      ).toEqual([]);
      expect(
        [...packages].filter((name) =>
          /subset-font|fontverter|resvg|@observablehq|d3|linkedom|jsdom/.test(name),
        ),
      ).toEqual([]);
      // the walk itself works: the command's own numerics are in its graph
      expect(loaded).toContain("glm/glmPath.js");
    });
  }

  it("the walk finds what train loads (so an empty list above is not a walk that saw nothing)", () => {
    const loaded = relative(staticGraph(join(DIST, "cli/commands/train.js")).files);
    expect(loaded).toContain("nn/train.js");
    expect(loaded.some((file) => file.startsWith("plot/"))).toBe(true);
  });
});
