// End-to-end: what the page shows of a run while it is driven: Step, Step back and the
// scrubber against the snapshots the trace crate computes (e2e/fixtures, checked natively
// by web/tests/steps_fixture.rs), the layouts' screenshots (desktop, phone, dark), and
// that 1,000 goroutines animate and a 1,000,000-event run scrubs. Their speed figures
// are the page bench's (e2e/bench/page.bench.mjs); the tests only check for a stall.

import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readFileSync } from "node:fs";
import {
  artifacts, chooseExample, consoleText, openPlayground, position, runMillion, scrubTime,
  thousandFrames, typeProgram, useBrowser, waitForStatus, waitForWorker,
} from "./harness.mjs";

useBrowser();

const fixture = (name) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** e2e/fixtures/steps.snapshots.txt: the trace crate's render after each step. */
function snapshots() {
  return fixture("steps.snapshots.txt")
    .split(/\n(?=t=\d+ events=\d+\n)/)
    .map((text) => {
      const events = Number(text.match(/^t=\d+ events=(\d+)$/m)[1]);
      const procs = [...text.matchAll(/^P(\d+) (?:idle|M\d+ running=(\S+) runnext=(\S+) local=\[([^\]]*)\])/gm)]
        .map(([, id, running, runnext, local]) => ({ id: Number(id), idle: running === undefined, running, runnext, local }));
      const chans = [...text.matchAll(/^chan(\d+) /gm)].map(([, id]) => Number(id));
      const goroutines = [...text.matchAll(/^G(\d+) \S+ (runnable|running|waiting|syscall|dead)/gm)]
        .map(([, id, state]) => ({ id: Number(id), state }));
      const marks = text.match(/^lines(.*)$/m)[1].trim().split(" ").filter(Boolean);
      return { text, events, procs, goroutines, chans, marks };
    });
}

/** The editor's goroutine marks as `G<id>:<line>`, sorted like the fixture's. */
const gutterMarks = (page) =>
  page.locator("[data-testid=editor] .cm-line").evaluateAll((lines) =>
    lines.flatMap((line, i) => (line.dataset.goroutines ?? "").split(" ").filter(Boolean)
      .map((g) => `G${g}:${i + 1}`)).sort());

/** Checks what the page shows against snapshot `snap`. */
async function showsSnapshot(page, snap) {
  const where = `at event ${snap.events}:\n${snap.text}`;
  assert.equal((await position(page)).shown, snap.events, where);
  assert.deepEqual(await gutterMarks(page), snap.marks, `gutter ${where}`);

  // The scheduler: each P's lane, with what runs on it, its runnext and local queue.
  assert.equal(await page.locator("[data-testid^=proc-]").count(), snap.procs.length, `Ps ${where}`);
  for (const p of snap.procs) {
    const lane = page.getByTestId(`proc-${p.id}`);
    assert.equal(await lane.evaluate((el) => el.classList.contains("idle")), p.idle, `P${p.id} idle ${where}`);
    if (p.idle) continue;
    const chips = (field) => lane.locator(`.field.${field} [data-testid^=goroutine-]`).allTextContents();
    assert.deepEqual(await chips("running"), p.running === "-" ? [] : [p.running], `P${p.id} running ${where}`);
    assert.deepEqual(await chips("runnext"), p.runnext === "-" ? [] : [p.runnext], `P${p.id} runnext ${where}`);
    assert.deepEqual(await chips("local"), p.local.split(" ").filter(Boolean), `P${p.id} local ${where}`);
  }
  // The goroutines panel lists the live ones; the channels panel every channel.
  const live = snap.goroutines.filter((g) => g.state !== "dead");
  for (const g of live) {
    assert.equal(await page.locator(`.goroutines [data-testid=goroutine-${g.id}]`).count(), 1, `G${g.id} ${where}`);
  }
  const heading = await page.locator(".goroutines h2").textContent();
  assert.match(heading, new RegExp(`\\(${live.length} live, ${snap.goroutines.length - live.length} finished\\)`), where);
  const chans = await page.locator("[data-testid^=chan-]").evaluateAll((els) => els.map((el) => el.dataset.testid));
  assert.deepEqual(chans, snap.chans.map((c) => `chan-${c}`), `channels ${where}`);
}

test("Step, Step back and the scrubber show the trace crate's snapshots", async () => {
  const snaps = snapshots();
  const trace = fixture("steps.trace.jsonl").trim().split("\n");
  const { page, errors } = await openPlayground();
  await waitForWorker(page);
  await typeProgram(page, fixture("steps.go").split("\n").map((l) => l.trimStart()));
  await page.getByTestId("procs").selectOption("2");
  await page.getByTestId("run").click();
  await waitForStatus(page, "finished");
  assert.equal(await consoleText(page), "got 0\ngot 1\ngot 2\nProgram exited.\n");
  // The page recorded exactly the events `goroscope trace` wrote (its first line is a header).
  assert.equal((await position(page)).recorded, trace.length - 1);

  // Back to the start with the scrubber, then every step forward.
  await page.getByTestId("scrub").fill("0");
  await showsSnapshot(page, snaps[0]);
  // Time travel reaches the console too: at the start nothing has been printed yet.
  assert.equal(await page.locator("[data-testid=console] span:not(.later)").count(), 0);
  assert.equal(await consoleText(page), "got 0\ngot 1\ngot 2\nProgram exited.\n", "faded, not removed");
  for (const snap of snaps.slice(1)) {
    await page.getByTestId("step").click();
    await showsSnapshot(page, snap);
  }
  // Step back retraces them.
  for (const snap of snaps.slice(0, -1).reverse().slice(0, 5)) {
    await page.getByTestId("step-back").click();
    await showsSnapshot(page, snap);
  }
  // The scrubber jumps anywhere.
  const middle = snaps[Math.floor(snaps.length / 2)];
  await page.getByTestId("scrub").fill(String(middle.events));
  await showsSnapshot(page, middle);
  await page.screenshot({ path: `${artifacts}/scrubbed.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a slow speed plays the recording step by step", async () => {
  const { page, errors } = await openPlayground();
  await waitForWorker(page);
  await page.getByTestId("speed").selectOption({ label: "10 steps/s" });
  await chooseExample(page, "unbuffered_vs_buffered");
  await page.getByTestId("run").click();
  await page.waitForTimeout(500);
  const early = await position(page);
  assert.ok(early.shown > 0 && early.shown < early.recorded, `playing, not following: ${JSON.stringify(early)}`);
  await page.waitForTimeout(500);
  assert.ok((await position(page)).shown > early.shown, "playback moves on by itself");
  await page.getByTestId("speed").selectOption({ label: "live" });
  await waitForStatus(page, "finished");
  await page.waitForFunction(() => {
    const m = document.querySelector("[data-testid=stats]").textContent.match(/^event (\d+) \/ (\d+)/);
    return m[1] === m[2];
  });
  assert.deepEqual(errors, []);
  await page.close();
});

/** Runs the default example and saves a screenshot of the layout `name`. */
async function screenshot(name, options) {
  const { page, errors } = await openPlayground(undefined, options);
  await waitForWorker(page);
  await chooseExample(page, "worker_pool");
  await page.getByTestId("run").click();
  await waitForStatus(page, "finished");
  const path = `${artifacts}/${name}.png`;
  await page.screenshot({ path, fullPage: name !== "desktop" });
  // The README shows the current ones.
  copyFileSync(path, new URL(`../docs/${name}.png`, import.meta.url));
  assert.deepEqual(errors, []);
  // Nothing sticks out sideways: the page never scrolls horizontally.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: ${overflow} px wider than the window`);
  await page.close();
}

test("screenshots: desktop 1280×800", () => screenshot("desktop", { viewport: { width: 1280, height: 800 } }));
test("screenshots: phone 390×844", () => screenshot("phone", { viewport: { width: 390, height: 844 }, isMobile: true }));
test("screenshots: dark", () =>
  screenshot("dark", { viewport: { width: 1280, height: 800 }, colorScheme: "dark" }));

test("a 1,000-goroutine program animates live and in playback", async () => {
  const { page, errors } = await openPlayground();
  await waitForWorker(page);
  const { live, playback, reached } = await thousandFrames(page);
  // Loose: a frozen page, not a slow one (the bench measures the frame rate).
  assert.ok(live.frames > 1 && playback.frames > 1, "frames were drawn");
  assert.ok(reached.shown > 0 && reached.shown < reached.recorded, `playback moved: ${JSON.stringify(reached)}`);
  assert.ok(playback.fps > 1, `the page froze: ${playback.fps} fps`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a 1,000,000-event run is recorded, and scrubbing anywhere redraws", async () => {
  const { page, errors } = await openPlayground();
  await waitForWorker(page);
  const { recorded } = await runMillion(page);
  assert.ok(recorded >= 1_000_000, `only ${recorded} events`);
  for (const fraction of [0.5, 0.1, 0.9, 0.01, 0.99]) {
    const target = Math.floor(recorded * fraction);
    const ms = await scrubTime(page, target);
    assert.equal((await position(page)).shown, target);
    assert.ok(ms < 5000, `a scrub took ${ms} ms`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
