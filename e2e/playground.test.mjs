// End-to-end: the release site in real Chromium, driven by Playwright as a person would
// use it. Run by `cargo xtask test`, which builds the site, serves it and sets
// GOROSCOPE_URL (and CHROMIUM, the browser binary: Debian's, never a downloaded one).
//
// Typing note for test authors: the editor indents on Enter and re-indents a typed `}`,
// so type program lines without their leading tabs; the editor's text then reads back
// as the indented program.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const url = process.env.GOROSCOPE_URL;
const artifacts = new URL("./artifacts/", import.meta.url).pathname;
let browser;

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

/** A fresh page with the playground loaded and its worker's first answer awaited. */
async function openPlayground(address = url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(address);
  await page.locator("[data-testid=editor] .cm-content").waitFor();
  assert.equal(await status(page), "idle");
  return { page, errors };
}

const status = (page) => page.getByTestId("status").textContent();
const consoleText = (page) => page.getByTestId("console").textContent();
/** The editor's text: its lines joined (innerText would double the empty lines). */
const editorText = (page) =>
  page.locator("[data-testid=editor] .cm-line").evaluateAll((lines) =>
    lines.map((line) => line.textContent).join("\n"));

/** Replaces the editor's program by typing `lines` (unindented) key by key. */
async function typeProgram(page, lines) {
  await page.locator("[data-testid=editor] .cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(lines.join("\n"));
}

async function waitForStatus(page, wanted, timeout = 10_000) {
  await page.waitForFunction(
    (wanted) => document.querySelector("[data-testid=status]")?.textContent === wanted,
    wanted,
    { timeout },
  );
}

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

test("Stop terminates a spinning program within a second and a fresh worker takes over", async (t) => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, ["package main", "", "func main() {", "for {", "}", "}"]);
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

  const stopped = Date.now();
  await page.getByTestId("stop").click();
  await waitForStatus(page, "idle", 1000);
  const stopMs = Date.now() - stopped;
  assert.ok(stopMs < 1000, `Stop took ${stopMs} ms`);
  t.diagnostic(`Stop to idle: ${stopMs} ms`);
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

/** An example's file in examples/, as text. */
const exampleFile = (name) => readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8");

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

test("a share link reopens the program and GOMAXPROCS in a new page", async () => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, ["package main", "", 'import "fmt"', "", "func main() {",
    'fmt.Println("shared ✓")', "}"]);
  const program = await editorText(page);
  await page.getByTestId("procs").selectOption("2");
  await page.getByTestId("share").click();
  const link = await page.getByTestId("share-url").inputValue();
  assert.match(link, /#code=[A-Za-z0-9_-]+&procs=2&seed=\d+$/);
  assert.equal(page.url(), link, "the link is in the address bar");
  assert.deepEqual(errors, []);
  await page.close();

  const opened = await openPlayground(link);
  assert.equal(await editorText(opened.page), program);
  assert.equal(await opened.page.getByTestId("procs").inputValue(), "2");
  await opened.page.getByTestId("run").click();
  await waitForStatus(opened.page, "finished");
  assert.equal(await consoleText(opened.page), "shared ✓\nProgram exited.\n");
  assert.deepEqual(opened.errors, []);
  await opened.page.close();
});

test("a broken share link says so and leaves the default program", async () => {
  const { page, errors } = await openPlayground(`${url}#code=not*base64`);
  await page.waitForFunction(
    () => document.querySelector("[data-testid=console]")?.textContent.includes("share link"));
  assert.match(await consoleText(page), /^This share link is broken: the program is not valid base64url\./m);
  assert.match(await editorText(page), /hello from a goroutine/);
  assert.equal(await page.getByTestId("procs").inputValue(), "4");
  assert.deepEqual(errors, []);
  await page.close();
});
