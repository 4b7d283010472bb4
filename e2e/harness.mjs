// What every end-to-end test file shares: one Chromium per file, a fresh playground page,
// and the ways to read and drive it. `cargo xtask test` builds the site, serves it and
// sets GOROSCOPE_URL (and CHROMIUM, the browser binary: Debian's, never a downloaded one).
//
// Typing note for test authors: the editor indents on Enter and re-indents a typed `}`,
// so type program lines without their leading tabs; the editor's text then reads back
// as the indented program.

import { before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { chromium } from "playwright-core";

export const url = process.env.GOROSCOPE_URL;
export const artifacts = new URL("./artifacts/", import.meta.url).pathname;
let browser;

/** Launches the Chromium that tests and the page bench drive (CHROMIUM, else Debian's). */
export async function launchBrowser() {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return browser;
}

/** Registers the file's browser: launched before its tests, closed after them. */
export function useBrowser() {
  before(async () => {
    assert.ok(url, "GOROSCOPE_URL is not set: run the browser tests with `cargo xtask test`");
    mkdirSync(artifacts, { recursive: true });
    await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });
}

/**
 * A fresh page with the playground loaded and idle. `options` go to Playwright's
 * `newPage` (e.g. `{ viewport: { width: 390, height: 844 }, colorScheme: "dark" }`).
 */
export async function openPlayground(address = url, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, ...options });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // Keeps the page's wasm exports (its memory) for wasmMemory().
  await page.addInitScript(() =>
    addEventListener("TrunkApplicationStarted", (e) => { window.pageWasm = e.detail.wasm; }));
  await page.goto(address);
  await page.locator("[data-testid=editor] .cm-content").waitFor();
  assert.equal(await status(page), "idle");
  return { page, errors };
}

/** Bytes of the page's wasm memory (it only grows: the peak so far) and of its JS heap. */
export const pageMemory = (page) =>
  page.evaluate(() => ({
    wasm: window.pageWasm?.memory?.buffer.byteLength ?? 0,
    js: performance.memory?.usedJSHeapSize ?? 0,
  }));

/** Waits until the page's worker has loaded its wasm and reads requests. */
export async function waitForWorker(page, timeout = 10_000) {
  await page.locator(".playground[data-worker=ready]").waitFor({ timeout });
}

/**
 * Waits two animation frames: the page applies controls at once but redraws on the next
 * frame, so what a click changed is on screen after this.
 */
export const settle = (page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/**
 * The position shown and the events recorded, from the stats line ("event N / M ..."),
 * once the page has redrawn.
 */
export async function position(page) {
  await settle(page);
  const text = await page.getByTestId("stats").textContent();
  const [, shown, recorded] = text.match(/^event (\d+) \/ (\d+)/);
  return { shown: Number(shown), recorded: Number(recorded) };
}

/** Waits until the status is one of `wanted` (an array) and returns it. */
export async function waitForAnyStatus(page, wanted, timeout = 10_000) {
  const handle = await page.waitForFunction(
    (wanted) => {
      const text = document.querySelector("[data-testid=status]")?.textContent;
      return wanted.includes(text) && text;
    },
    wanted,
    { timeout },
  );
  return handle.jsonValue();
}

/** Chooses example `name` (its file name without .go) from the menu. */
export async function chooseExample(page, name) {
  await page.getByTestId("examples").selectOption(name);
}

// ---- The page's figures: measured here, asserted loosely by the tests and printed by
// e2e/bench/page.bench.mjs (`cargo xtask bench --page`).

/** 1,000 goroutines blocked sending on 100 channels, then received one by one. */
export const THOUSAND = [
  "package main", "", 'import "sync"', "", "func main() {",
  "var wg sync.WaitGroup",
  "chans := make([]chan int, 100)",
  "for i := range chans {", "chans[i] = make(chan int)", "}",
  "for i := range 1000 {",
  "wg.Add(1)",
  "go func() {",
  "defer wg.Done()",
  "chans[i%100] <- i",
  "}()",
  "}",
  "for i := range 1000 {", "<-chans[i%100]", "}",
  "wg.Wait()",
  "}",
];

/** Each Gosched records 4 events (GoSched, GoLine, GlobalGet, GoStart): 1,000,000 in all. */
export const MILLION = ["package main", "", 'import "runtime"', "", "func main() {",
  "done := make(chan bool)",
  "go func() {", "for range 125000 {", "runtime.Gosched()", "}", "done <- true", "}()",
  "for range 125000 {", "runtime.Gosched()", "}",
  "<-done", "}"];

/** Mean frames per second, 95th-percentile and worst frame (ms) of rAF `deltas`. */
export function frameFigures(deltas) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const mean = deltas.reduce((a, b) => a + b, 0) / deltas.length;
  return {
    fps: 1000 / mean,
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    worst: sorted[sorted.length - 1] ?? 0,
    frames: deltas.length,
  };
}

/**
 * requestAnimationFrame deltas (ms), measured in the page, until `ms` of wall time have
 * passed or, with `ms` null, from when the status says "running" (within 5 s) until it
 * no longer does.
 */
const frameDeltas = (page, ms) =>
  page.evaluate((ms) => new Promise((done) => {
    const deltas = [];
    let last;
    let started = ms !== null;
    const start = performance.now();
    const running = () => document.querySelector("[data-testid=status]").textContent === "running";
    const frame = (now) => {
      if (!started && running()) {
        started = true;
        last = undefined;
      }
      if (started && last !== undefined) deltas.push(now - last);
      last = now;
      const going = ms === null ? running() || (!started && now - start < 5000) : now - start < ms;
      if (going) requestAnimationFrame(frame);
      else done(deltas);
    };
    requestAnimationFrame(frame);
  }), ms);

/**
 * Frame figures of the page while `during` runs (a promise of rAF deltas), with the
 * main thread's CPU time per frame (Chromium's ThreadTime metric, in ms): what a frame
 * costs without the time spent waiting for a core, which fps also counts. On a busy
 * machine it still rises somewhat (shared caches, clock): about 12 ms at load 5 and
 * 16 ms at load 13 on 2 cores for the same frames.
 */
async function framesWithCost(page, during) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = async () => Object.fromEntries(
    (await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const figures = frameFigures(await during);
  const after = await metrics();
  await cdp.detach();
  const perFrame = (name) => ((after[name] - before[name]) * 1000) / figures.frames;
  return { ...figures, cpu: perFrame("ThreadTime"), task: perFrame("TaskDuration") };
}

/**
 * Types THOUSAND and runs it live, then plays it back from the start at 1,000 steps/s:
 * the frame figures of both (see framesWithCost), and the position playback reached.
 */
export async function thousandFrames(page, playbackMs = 3000) {
  await typeProgram(page, THOUSAND);
  // The views on screen (Playwright's clicks would scroll back to the controls).
  const showViews = () => page.evaluate(() => document.querySelector(".views").scrollIntoView());
  await showViews();
  const live = framesWithCost(page, frameDeltas(page, null));
  await page.evaluate(() => document.querySelector("[data-testid=run]").click());
  const liveFigures = await live;
  await waitForStatus(page, "finished", 30_000);
  // Every frame of the playback draws a new state, with up to 1,000 goroutines parked
  // on 100 channels.
  await page.getByTestId("speed").selectOption({ label: "1000 steps/s" });
  await page.getByTestId("scrub").fill("0");
  await page.getByTestId("pause").click();
  await showViews();
  await page.waitForTimeout(500);
  const playback = await framesWithCost(page, frameDeltas(page, playbackMs));
  return { live: liveFigures, playback, reached: await position(page) };
}

/** Types MILLION and runs it: events recorded, wall ms, page memory (bytes) after. */
export async function runMillion(page) {
  await typeProgram(page, MILLION);
  const started = Date.now();
  await page.getByTestId("run").click();
  await waitForStatus(page, "finished", 120_000);
  const ms = Date.now() - started;
  const { recorded } = await position(page);
  return { recorded, ms, memory: await pageMemory(page) };
}

/** Ms from setting the scrubber to `target` to the second frame after (it is drawn). */
export const scrubTime = (page, target) =>
  page.evaluate((target) => new Promise((done) => {
    const scrub = document.querySelector("[data-testid=scrub]");
    const start = performance.now();
    scrub.value = String(target);
    scrub.dispatchEvent(new Event("input", { bubbles: true }));
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
  }), target);

/**
 * Ms from clicking test id `button` until test id `watched` reads `wanted` (any text
 * when null), clicked and observed inside the page, so the figure holds no Playwright
 * round trips; Infinity after 10 s.
 */
const clickToText = (page, button, watched, wanted) =>
  page.evaluate(({ button, watched, wanted }) => new Promise((done) => {
    const target = document.querySelector(`[data-testid=${watched}]`);
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const text = target.textContent;
      if (wanted === null ? text.length > 0 : text === wanted) {
        observer.disconnect();
        done(performance.now() - start);
      }
    });
    observer.observe(target, { childList: true, subtree: true, characterData: true });
    setTimeout(() => { observer.disconnect(); done(Infinity); }, 10_000);
    document.querySelector(`[data-testid=${button}]`).click();
  }), { button, watched, wanted });

/** Ms from Run to the console's first text. The program must be in the editor. */
export const firstOutputTime = (page) => clickToText(page, "run", "console", null);

/** Ms from Stop to the status "idle" (the worker ended and a fresh one is starting). */
export const stopTime = (page) => clickToText(page, "stop", "status", "idle");

/**
 * Ms from Pause to the last change of the counters (when the worker stopped slicing),
 * watched for 600 ms. A program must be running.
 */
export const pauseTime = (page) =>
  page.evaluate(() => new Promise((done) => {
    const stats = document.querySelector("[data-testid=stats]");
    const start = performance.now();
    let last = start;
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(stats, { childList: true, subtree: true, characterData: true });
    document.querySelector("[data-testid=pause]").click();
    setTimeout(() => { observer.disconnect(); done(last - start); }, 600);
  }));

/** A spinning program: `for {}` in main. */
export const SPIN = ["package main", "", "func main() {", "for {", "}", "}"];
/** A CPU-bound program that never blocks. */
export const COUNT = ["package main", "", "func main() {", "n := 0", "for {", "n++", "}", "}"];

export const status = (page) => page.getByTestId("status").textContent();
export const consoleText = (page) => page.getByTestId("console").textContent();
/** The editor's text: its lines joined (innerText would double the empty lines). */
export const editorText = (page) =>
  page.locator("[data-testid=editor] .cm-line").evaluateAll((lines) =>
    lines.map((line) => line.textContent).join("\n"));

/** Replaces the editor's program by typing `lines` (unindented) key by key. */
export async function typeProgram(page, lines) {
  await page.locator("[data-testid=editor] .cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(lines.join("\n"));
}

export async function waitForStatus(page, wanted, timeout = 10_000) {
  await page.waitForFunction(
    (wanted) => document.querySelector("[data-testid=status]")?.textContent === wanted,
    wanted,
    { timeout },
  );
}

/** An example's file in examples/, as text. */
export const exampleFile = (name) => readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8");
