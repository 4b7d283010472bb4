// The page bench: the front end's speed figures the issues ask for, measured in headless
// Chromium against the served site and printed as a table beside their targets. Run by
// `cargo xtask bench --page` (and by `cargo xtask bench` after the CLI's table), which
// builds and serves the site and sets GOROSCOPE_URL and CHROMIUM.
//
// Wall-clock figures depend on what else the machine runs: the table says the load
// average, and for the frame rate also the main thread's CPU time per frame, which does
// not count waiting for a core (and so varies far less with load). `--runs N` repeats
// the frame measurement (the run with the median fps is kept).

import { cpus, loadavg } from "node:os";
import {
  COUNT, SPIN, chooseExample, firstOutputTime, launchBrowser, openPlayground, pauseTime,
  runMillion, scrubTime, stopTime, thousandFrames, typeProgram, url, waitForStatus, waitForWorker,
} from "../harness.mjs";

const runsAt = process.argv.indexOf("--runs");
const runs = runsAt > 0 ? Math.max(1, Number(process.argv[runsAt + 1]) || 1) : 3;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x) => `${x.toFixed(1)} ms`;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
/** The table's rows: figure, measured, target, whether it is met (null: no target). */
const rows = [];
const row = (figure, measured, target, met) => rows.push([figure, measured, target, met]);

/** A fresh page with the worker ready. */
async function fresh() {
  const opened = await openPlayground();
  await waitForWorker(opened.page);
  return opened;
}

async function frames() {
  const measured = [];
  for (let i = 0; i < runs; i++) {
    const { page } = await fresh();
    measured.push(await thousandFrames(page));
    await page.close();
  }
  const pick = (which) => {
    const all = measured.map((m) => m[which]);
    return all.find((f) => f.fps === median(all.map((f) => f.fps)));
  };
  const [playback, live] = [pick("playback"), pick("live")];
  const load = loadavg()[0].toFixed(2);
  row(`frame rate, 1,000 goroutines on 100 channels, playback at 1000 steps/s (median of ${runs})`,
    `${playback.fps.toFixed(1)} fps (p95 frame ${ms(playback.p95)}; load ${load})`, "≥ 50 fps", playback.fps >= 50);
  // The CPU rows explain the frame rates; they are not targets of their own (the live
  // one also counts the main thread's work between frames, e.g. reading the worker's
  // messages).
  row("  main-thread CPU per playback frame (no waiting for a core)", ms(playback.cpu), "", null);
  row("frame rate, the same program running live", `${live.fps.toFixed(1)} fps (p95 frame ${ms(live.p95)})`,
    "≥ 50 fps", live.fps >= 50);
  row("  main-thread CPU per live frame", ms(live.cpu), "", null);
}

async function million() {
  const { page } = await fresh();
  const { recorded, ms: took, memory } = await runMillion(page);
  const total = memory.wasm + memory.js;
  row(`page memory after ${recorded} events (wasm ${mib(memory.wasm)} + JS ${mib(memory.js)})`,
    `${mib(total)} (recorded in ${(took / 1000).toFixed(1)} s)`, "< 150 MB", total < 150e6);
  const times = [];
  for (const fraction of [0.5, 0.1, 0.9, 0.33, 0.77, 0.01, 0.99, 0.5]) {
    times.push(await scrubTime(page, Math.floor(recorded * fraction)));
  }
  const worst = Math.max(...times);
  row(`scrub to anywhere in ${recorded} events, drawn (median of ${times.length})`,
    `${ms(median(times))} (worst ${ms(worst)})`, "≤ 100 ms", median(times) <= 100);
  await page.close();
}

async function latencies() {
  let { page } = await fresh();
  await chooseExample(page, "worker_pool");
  const first = await firstOutputTime(page);
  row("first output of an example after Run", ms(first), "≤ 200 ms", first <= 200);
  await page.close();

  page = await running(COUNT);
  const paused = await pauseTime(page);
  row("Pause of a CPU-bound run to the worker's last counters", ms(paused), "≤ 50 ms", paused <= 50);
  await page.close();

  page = await running(SPIN);
  const stopped = await stopTime(page);
  row("Stop of a spinning run to idle", ms(stopped), "≤ 1000 ms", stopped <= 1000);
  await page.close();
}

/** A fresh page running `program` for 300 ms. */
async function running(program) {
  const { page } = await fresh();
  await typeProgram(page, program);
  await page.getByTestId("run").click();
  await waitForStatus(page, "running");
  await page.waitForTimeout(300);
  return page;
}

function print() {
  const header = ["figure", "measured", "target", ""];
  const cells = [header, ...rows.map(([f, m, t, met]) => [f, m, t, met === null ? "" : met ? "met" : "MISSED"])];
  const widths = header.map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  for (const c of cells) console.log(c.map((x, i) => x.padEnd(widths[i])).join("  ").trimEnd());
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(" ")} ` +
    `(${cpus().length} cores)`);
}

if (!url) {
  console.error("GOROSCOPE_URL is not set: run the page bench with `cargo xtask bench --page`");
  process.exit(2);
}
const browser = await launchBrowser();
try {
  await frames();
  await million();
  await latencies();
} finally {
  await browser.close();
}
print();
