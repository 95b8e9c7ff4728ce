// reglab: the library. The numeric core, the diagnostics and the article's experiments — pure,
// running in Node and in the browser. Figures are in "reglab/plot"; the CLI is the `reglab` command.
export * from "./core/index.js";
export * from "./data/index.js";
export * from "./diagnostics/index.js";
export * from "./experiments/index.js";
export * from "./glm/index.js";
export * from "./i18n/index.js";
// which WebAssembly build the GLM kernels use (fused multiply-adds or plain SIMD), and the choice
export { preferRowsModuleBuild, type RowsModuleBuild, rowsModuleBuild } from "./kernels/rowsModule.js";
export * from "./nn/index.js";
