import { runGlmBench } from "./bench/glm.js";

await runGlmBench({ runs: 1 });
