// End-to-end: share links in real Chromium (issue 6): the round trip and broken links.

import { test } from "node:test";
import assert from "node:assert/strict";
import { consoleText, editorText, openPlayground, typeProgram, url, useBrowser, waitForStatus } from "./harness.mjs";

useBrowser();

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
