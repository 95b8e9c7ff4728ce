import { defineConfig } from "vite";

// The web lab: web/ is the page, dist-web/ the built site (relative URLs, so it runs from any path).
export default defineConfig({
  root: "web",
  base: "./",
  publicDir: "public",
  build: { outDir: "../dist-web", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 800 },
  worker: { format: "es" },
  // csv-parse's Node build uses Buffer; its browser build carries what it needs
  resolve: { alias: [{ find: /^csv-parse\/sync$/, replacement: "csv-parse/browser/esm/sync" }] },
  server: { port: 5173 },
  preview: { port: 4173 },
});
