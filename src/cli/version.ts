/** reglab's version, read from its package.json. */
import { createRequire } from "node:module";

export function reglabVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("../../package.json") as { version: string }).version;
}
