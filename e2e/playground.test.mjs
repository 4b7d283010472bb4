// End-to-end: the release site in real Chromium, driven by Playwright as a person would
// use it: typing, running, stopping, the examples menu.
//
// Typing note for test authors: the editor indents on Enter and re-indents a typed `}`,
// so type program lines without their leading tabs; the editor's text then reads back
// as the indented program.

import { test } from "node:test";
import assert from "node:assert/strict";
import {
  artifacts, consoleText, editorText, exampleFile, openPlayground, status, typeProgram, useBrowser,
  waitForStatus,
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
