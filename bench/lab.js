// The web lab's performance in headless Chromium (Debian's, via playwright-core), on the built
// site (dist-web/): JS bundle size gzipped, time to interactive, and frames per second while the
// playground trains (the page's animation frames, the decision maps actually redrawn, and the
// training epochs per second behind them). Skipped, with a note, when /usr/bin/chromium is absent.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serveLab } from "../scripts/serve-lab.mjs";

const ROOT = new URL("../dist-web/", import.meta.url);
const CHROMIUM = "/usr/bin/chromium";
const LOADS = 5;
const FPS_SECONDS = 5;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function bundleSizes() {
  const assets = new URL("assets/", ROOT);
  const files = readdirSync(assets).map((name) => {
    const bytes = readFileSync(new URL(name, assets));
    return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const js = files.filter((file) => file.name.endsWith(".js"));
  return {
    files,
    jsBytes: js.reduce((sum, file) => sum + file.bytes, 0),
    jsGzip: js.reduce((sum, file) => sum + file.gzip, 0),
  };
}

async function measure(browser, url, viewport) {
  const loads = [];
  for (let k = 0; k < LOADS; k++) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForSelector("[data-testid=playground-stats][data-epoch]");
    loads.push(
      await page.evaluate(() => ({
        interactive: performance.getEntriesByName("lab-ready")[0].startTime,
        firstFrame: performance.now(),
      })),
    );
    await context.close();
  }
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  // at full speed: the default pace (15 epochs/s, for students) would measure the pace, not the page
  await page.goto(`${url}?pg.speed=fast`);
  await page.waitForSelector("[data-testid=playground-stats][data-epoch]");
  await page.locator("#playground").scrollIntoViewIfNeeded();
  await page.click("[data-testid=playground-train]");
  await page.waitForTimeout(1000); // warm-up
  const fps = await page.evaluate(async (seconds) => {
    const canvas = document.querySelector("#playground canvas.heatmap");
    const stats = document.querySelector("[data-testid=playground-stats]");
    const frames0 = Number(canvas.dataset.frames);
    const epoch0 = Number(stats.dataset.epoch);
    let animationFrames = 0;
    const start = performance.now();
    await new Promise((resolve) => {
      const tick = () => {
        animationFrames++;
        if (performance.now() - start < seconds * 1000) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    const elapsed = (performance.now() - start) / 1000;
    return {
      animationFps: animationFrames / elapsed,
      mapsRedrawnPerSecond: (Number(canvas.dataset.frames) - frames0) / elapsed,
      epochsPerSecond: (Number(stats.dataset.epoch) - epoch0) / elapsed,
    };
  }, FPS_SECONDS);
  await context.close();
  return {
    timeToInteractiveMs: median(loads.map((load) => load.interactive)),
    firstPlaygroundFrameMs: median(loads.map((load) => load.firstFrame)),
    ...fps,
  };
}

export async function runLabBench() {
  console.log("\n## Web lab (headless Chromium)");
  if (!existsSync(new URL("index.html", ROOT))) {
    console.log("skipped: dist-web/ is missing (npm run build:lab)");
    return null;
  }
  const sizes = bundleSizes();
  console.log(
    `JS bundle: ${(sizes.jsBytes / 1024).toFixed(0)} KB, gzipped ${(sizes.jsGzip / 1024).toFixed(1)} KB (goal < 300 KB)`,
  );
  for (const file of sizes.files)
    console.log(
      `  ${file.name}: ${(file.bytes / 1024).toFixed(1)} KB, gzip ${(file.gzip / 1024).toFixed(1)} KB`,
    );
  if (!existsSync(CHROMIUM)) {
    console.log(
      "fps and time to interactive skipped: /usr/bin/chromium is missing (apt-get install chromium)",
    );
    return { sizes };
  }
  const { server, url } = await serveLab(new URL(ROOT).pathname, 0);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  try {
    const desktop = await measure(browser, url, { width: 1280, height: 900 });
    console.log(
      `time to interactive ${desktop.timeToInteractiveMs.toFixed(0)} ms (median of ${LOADS}); ` +
        `first playground frame ${desktop.firstPlaygroundFrameMs.toFixed(0)} ms`,
    );
    console.log(
      `while the playground trains: ${desktop.animationFps.toFixed(1)} animation frames/s (goal ≥ 60), ` +
        `${desktop.mapsRedrawnPerSecond.toFixed(1)} decision maps redrawn/s, ${desktop.epochsPerSecond.toFixed(0)} epochs/s`,
    );
    return { sizes, desktop };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runLabBench();
