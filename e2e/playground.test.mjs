// End-to-end: the release site in real Chromium, driven by Playwright as a person would
// use it: typing, running, pausing, stepping, stopping, the examples menu, the keyboard.
// Latencies are the page bench's figures (e2e/bench/page.bench.mjs); the tests assert
// only generous sanity bounds. Download sizes are logged with t.diagnostic.
//
// Typing note for test authors: the editor indents on Enter and re-indents a typed `}`,
// so type program lines without their leading tabs; the editor's text then reads back
// as the indented program.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import {
  COUNT, SPIN, artifacts, chooseExample, consoleText, editorText, exampleFile, firstOutputTime,
  openPlayground, pauseTime, position, settle, status, stopTime, typeProgram, useBrowser,
  waitForAnyStatus, waitForStatus, waitForWorker,
} from "./harness.mjs";

useBrowser();

test("a typed program runs in the worker and its output reaches the console", async () => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, ["package main", "", 'import "fmt"', "", "func main() {",
    "ch := make(chan string)", 'go func() { ch <- "from a goroutine" }()', 'fmt.Println("hi", <-ch)', "}"]);
  assert.equal(
    await editorText(page),
    'package main\n\nimport "fmt"\n\nfunc main() {\n\tch := make(chan string)\n' +
      '\tgo func() { ch <- "from a goroutine" }()\n\tfmt.Println("hi", <-ch)\n}',
  );

  await page.getByTestId("run").click();
  await waitForStatus(page, "finished");
  assert.equal(await consoleText(page), "hi from a goroutine\nProgram exited.\n");
  await page.screenshot({ path: `${artifacts}/run.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a compile error is printed like go build and fails the run", async () => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, ["package main", "", 'var s = "open', ""]);
  await page.getByTestId("run").click();
  await waitForStatus(page, "error");
  const text = await consoleText(page);
  assert.match(text, /^main\.go:3:14: newline in string$/m);
  assert.match(text, /Go build failed\./);
  assert.equal(await page.locator("[data-testid=editor] .cm-lintRange-error").count(), 1,
    "the error is underlined");
  await page.screenshot({ path: `${artifacts}/compile-error.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a deadlock is reported in Go's words", async () => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, ["package main", "", "func main() {", "ch := make(chan int)", "<-ch", "}"]);
  await page.getByTestId("run").click();
  await waitForStatus(page, "deadlock");
  const text = await consoleText(page);
  assert.match(text, /^fatal error: all goroutines are asleep - deadlock!$/m);
  assert.match(text, /^goroutine 1 \[chan receive\]:$/m);
  assert.match(text, /Program exited: status 2\./);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Stop terminates a spinning program within a second and a fresh worker takes over", async () => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, SPIN);
  await page.getByTestId("run").click();
  await waitForStatus(page, "running");
  await page.waitForTimeout(500);
  assert.equal(await status(page), "running", "the worker is still spinning");
  assert.ok(await page.getByTestId("run").isDisabled());

  // The page stays responsive while the worker is busy: it paints frames and takes typing.
  const asked = Date.now();
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => painted())));
  assert.ok(Date.now() - asked < 500, `a frame took ${Date.now() - asked} ms`);
  await page.locator("[data-testid=editor] .cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("// still responsive");
  assert.match(await editorText(page), /\/\/ still responsive$/);

  const stopMs = await stopTime(page);
  assert.ok(stopMs < 1000, `Stop took ${stopMs} ms`);
  assert.match(await consoleText(page), /Stopped\./);

  // The fresh worker answers the next run.
  await typeProgram(page, ["package main", "", "func main() {", 'println("again")', "}"]);
  await page.getByTestId("run").click();
  await waitForStatus(page, "finished");
  assert.match(await consoleText(page), /^again$/m);
  await page.screenshot({ path: `${artifacts}/after-stop.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test("an example from the menu loads into the editor and prints what real Go prints", async () => {
  const { page, errors } = await openPlayground();
  const source = exampleFile("close_range.go");
  const teaches = source.match(/^\/\/ teaches: (.*)$/m)[1];
  const title = source.match(/^\/\/ title: (.*)$/m)[1];
  assert.equal(await page.getByTestId("examples").locator("option").count(), 16, "15 examples and a prompt");
  await page.getByTestId("examples").selectOption({ label: title });
  assert.equal(await page.getByTestId("example-teaches").textContent(), teaches);
  const program = source.slice(source.indexOf("\n\n") + 2);
  assert.ok(program.startsWith("package main\n"));
  assert.equal(await editorText(page), program);

  await page.getByTestId("run").click();
  await waitForStatus(page, "finished");
  assert.equal(await consoleText(page), exampleFile("close_range.out") + "Program exited.\n");
  await page.screenshot({ path: `${artifacts}/example.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

const examples = readdirSync(new URL("../examples/", import.meta.url))
  .filter((f) => f.endsWith(".go"))
  .map((f) => f.slice(0, -3))
  .sort();

test("every example prints what real Go prints, at the page's default seed", async () => {
  assert.equal(examples.length, 15);
  const { page, errors } = await openPlayground();
  for (const name of examples) {
    const source = exampleFile(`${name}.go`);
    const exit = Number(source.match(/^\/\/ want: exit=(\d+)$/m)[1]);
    await chooseExample(page, name);
    await page.getByTestId("run").click();
    // The status still says how the previous example ended until the page redraws.
    await settle(page);
    const ended = await waitForAnyStatus(page, ["finished", "deadlock", "panic", "error"], 30_000);
    const text = await consoleText(page);
    const stdout = exampleFile(`${name}.out`);
    if (exit === 0) {
      assert.equal(ended, "finished", name);
      assert.equal(text, stdout + "Program exited.\n", name);
    } else {
      const key = exampleFile(`${name}.err`).trim();
      assert.ok(text.startsWith(stdout), `${name}: stdout first`);
      assert.ok(text.split("\n").includes(key), `${name}: ${key}`);
      assert.ok(text.endsWith(`Program exited: status ${exit}.\n`), name);
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test("the first run of an example shows its output soon after Run", async () => {
  const { page, errors } = await openPlayground();
  await waitForWorker(page);
  await chooseExample(page, "worker_pool");
  const ms = await firstOutputTime(page);
  assert.ok(ms < 2000, `first output took ${ms} ms`);
  await waitForStatus(page, "finished");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Pause holds a CPU-bound worker within a slice; Resume and Step go on", async () => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, COUNT);
  await page.getByTestId("run").click();
  await waitForStatus(page, "running");
  await page.waitForTimeout(300);
  const stopMs = await pauseTime(page);
  assert.equal(await status(page), "paused");
  assert.ok(stopMs < 300, `the worker went on for ${stopMs} ms`);
  const held = await page.getByTestId("stats").textContent();
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId("stats").textContent(), held, "nothing runs while paused");
  assert.equal(await page.getByTestId("pause").textContent(), "▶ Resume");

  // Step at the head asks the worker for one more scheduler event (a preemption here).
  const before = await position(page);
  await page.getByTestId("step").click();
  await page.waitForFunction((n) => {
    const m = document.querySelector("[data-testid=stats]").textContent.match(/^event (\d+)/);
    return Number(m[1]) > n;
  }, before.shown);
  assert.equal(await status(page), "paused");

  await page.getByTestId("pause").click();
  await waitForStatus(page, "running");
  await page.waitForFunction((held) => document.querySelector("[data-testid=stats]").textContent !== held, held);
  await page.getByTestId("stop").click();
  await waitForStatus(page, "idle", 1000);
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard: Ctrl+Enter runs, F8 pauses, F10 steps, Shift+F10 steps back; the help lists them", async () => {
  const { page, errors } = await openPlayground();
  await waitForWorker(page);
  await chooseExample(page, "unbuffered_vs_buffered");
  await page.locator("[data-testid=editor] .cm-content").click();
  const text = await editorText(page);
  await page.keyboard.press("Control+Enter");
  await waitForStatus(page, "finished");
  assert.equal(await editorText(page), text, "Ctrl+Enter does not edit the program");
  const { recorded } = await position(page);
  await page.keyboard.press("Shift+F10");
  const back = await position(page);
  assert.ok(back.shown < recorded, "stepped back");
  await page.keyboard.press("Shift+F10");
  assert.ok((await position(page)).shown < back.shown);
  await page.keyboard.press("F10");
  assert.equal((await position(page)).shown, back.shown, "F10 steps forward again");

  const help = page.getByTestId("help");
  assert.equal(await help.getAttribute("aria-label"), "Keyboard shortcuts");
  await help.click();
  const popover = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  assert.match(await popover.textContent(), /Ctrl\/⌘ \+ Enter.*Run.*F8.*Pause.*F10.*Step.*Shift \+ F10.*Step back/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("every control has an accessible name", async () => {
  const { page, errors } = await openPlayground();
  const unnamed = await page.evaluate(() => [...document.querySelectorAll("button, select, input, summary")]
    .filter((el) => {
      const label = el.getAttribute("aria-label") || el.closest("label")?.textContent || el.textContent;
      return !label || !label.trim();
    })
    .map((el) => el.outerHTML));
  assert.deepEqual(unnamed, []);
  for (const id of ["run", "pause", "step", "step-back", "stop", "scrub", "speed", "procs", "seed", "help"]) {
    assert.equal(await page.getByTestId(id).count(), 1, id);
  }
  // CodeMirror positions its parts through the CSSOM (element.style), which CSP allows;
  // the page's own markup has no style attributes.
  assert.equal(await page.locator("[style]:not([data-testid=editor] *)").count(), 0, "no inline styles (CSP)");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the seed and GOMAXPROCS controls reach the run", async () => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, ["package main", "", 'import "runtime"', "", "func main() {",
    "println(runtime.GOMAXPROCS(0))", "}"]);
  await page.getByTestId("procs").selectOption("3");
  await page.getByTestId("seed").fill("77");
  await page.getByTestId("seed").dispatchEvent("change");
  await page.getByTestId("run").click();
  await waitForStatus(page, "finished");
  assert.match(await consoleText(page), /^3$/m);
  await page.getByTestId("share").click();
  assert.match(await page.getByTestId("share-url").inputValue(), /&procs=3&seed=77$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("page and worker downloads: raw and gzip sizes", (t) => {
  const dist = new URL("../dist/", import.meta.url);
  // The editor bundle is under snippets/.
  const files = readdirSync(dist, { recursive: true }).filter((f) => /\.(wasm|js|css|html)$/.test(f));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(new URL(file, dist));
    const packed = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += packed;
    t.diagnostic(`${file}: ${(bytes.length / 1024).toFixed(0)} KiB raw, ${(packed / 1024).toFixed(0)} KiB gzip`);
  }
  t.diagnostic(`total: ${(raw / 1024).toFixed(0)} KiB raw, ${(gzip / 1024).toFixed(0)} KiB gzip`);
  assert.ok(files.some((f) => f.endsWith(".wasm")), "the site is built");
  assert.ok(gzip <= 1.5 * 1024 * 1024, `gzip total ${gzip} bytes exceeds 1.5 MB`);
});
