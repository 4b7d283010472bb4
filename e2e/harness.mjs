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

/** Registers the file's browser: launched before its tests, closed after them. */
export function useBrowser() {
  before(async () => {
    assert.ok(url, "GOROSCOPE_URL is not set: run the browser tests with `cargo xtask test`");
    mkdirSync(artifacts, { recursive: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
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

/**
 * requestAnimationFrame deltas (ms) over `ms` of wall time, measured in the page:
 * the frame timing the page achieves while it animates.
 */
export const frameDeltas = (page, ms) =>
  page.evaluate((ms) => new Promise((done) => {
    const deltas = [];
    let last;
    const start = performance.now();
    const frame = (now) => {
      if (last !== undefined) deltas.push(now - last);
      last = now;
      if (now - start < ms) requestAnimationFrame(frame);
      else done(deltas);
    };
    requestAnimationFrame(frame);
  }), ms);

/** Mean frames per second, 95th-percentile and worst frame (ms) of `deltas`. */
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
