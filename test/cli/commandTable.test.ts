import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main.js";

describe("the lazy command table", () => {
  it("names each command as its module does, with its module's description", async () => {
    for (const entry of COMMANDS) {
      const spec = await entry.load();
      expect(spec.name).toBe(entry.name);
      expect(spec.description).toBe(entry.description);
    }
  });
});
