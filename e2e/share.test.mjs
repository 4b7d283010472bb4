// End-to-end: share links and drafts in real Chromium (issue 6): the round trip, broken
// and truncated links, drafts across reloads and across opening a shared link.

import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseExample, consoleText, editorText, openPlayground, typeProgram, url, useBrowser, waitForStatus } from "./harness.mjs";
import { fragmentFor } from "./share-helpers.mjs";

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

/** Waits until the autosaved draft in localStorage holds `code`. */
const draftSaved = (page, code) => page.waitForFunction((code) => {
  try {
    return JSON.parse(localStorage.getItem("goroscope.drafts")).current.code === code;
  } catch {
    return false;
  }
}, code);

const MINE = ["package main", "", 'import "fmt"', "", "func main() {", 'fmt.Println("my draft")', "}"];
const SHARED = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("shared program")\n}\n';

test("malformed and truncated links say what is wrong and keep the draft", async () => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, MINE);
  const draft = await editorText(page);
  await draftSaved(page, draft);
  const good = fragmentFor(SHARED, "&procs=2&seed=3");
  const broken = {
    "truncated": [good.slice(0, good.indexOf("&") - 6), /truncated or corrupt|not valid base64url/],
    "not base64url": ["code=not*base64", /not valid base64url/],
    "no code": ["procs=2", /has no code= part/],
    "bad GOMAXPROCS": [`${good.split("&")[0]}&procs=99`, /procs=99 is not a GOMAXPROCS/],
    "bad seed": [`${good.split("&")[0]}&seed=-1`, /seed=-1 is not a seed/],
  };
  for (const [name, [fragment, why]] of Object.entries(broken)) {
    await page.goto("about:blank");
    await page.goto(`${url}#${fragment}`);
    await page.locator("[data-testid=editor] .cm-content").waitFor();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=console]")?.textContent.includes("share link"));
    const notice = await consoleText(page);
    assert.match(notice, /^This share link is broken: .*\. The editor shows your draft\.$/m, name);
    assert.match(notice, why, name);
    assert.equal(await editorText(page), draft, `${name}: the draft is untouched`);
    assert.equal(await page.getByTestId("previous-draft").count(), 0, name);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test("the draft and its settings survive a reload", async () => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, MINE);
  await page.getByTestId("procs").selectOption("3");
  const draft = await editorText(page);
  await draftSaved(page, draft);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("goroscope.drafts")).current.procs === 3);
  await page.reload();
  await page.locator("[data-testid=editor] .cm-content").waitFor();
  assert.equal(await editorText(page), draft);
  assert.equal(await page.getByTestId("procs").inputValue(), "3");
  assert.equal(await page.getByTestId("previous-draft").count(), 0);
  // Typing and reloading at once: the draft is saved when the page goes away.
  await page.locator("[data-testid=editor] .cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("// last words");
  await page.reload();
  await page.locator("[data-testid=editor] .cm-content").waitFor();
  assert.match(await editorText(page), /\/\/ last words$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a change of the text without any key event is saved too (an example chosen)", async () => {
  const { page, errors } = await openPlayground();
  await chooseExample(page, "close_range");
  const program = await editorText(page);
  assert.match(program, /^package main\n/);
  // No pagehide: the editor's own change event drives the autosave.
  await draftSaved(page, program);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a shared link opens over the draft, which is one click away", async () => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, MINE);
  const draft = await editorText(page);
  await draftSaved(page, draft);

  const link = `${url}#${fragmentFor(SHARED, "&procs=2&seed=3")}`;
  await page.goto("about:blank");
  await page.goto(link);
  await page.locator("[data-testid=editor] .cm-content").waitFor();
  assert.equal(await editorText(page), SHARED);
  assert.equal(await page.getByTestId("procs").inputValue(), "2");
  const button = page.getByTestId("previous-draft");
  assert.equal(await button.textContent(), "Back to your previous draft");

  await button.click();
  assert.equal(await editorText(page), draft);
  assert.equal(await page.getByTestId("procs").inputValue(), "4");
  assert.equal(await button.textContent(), "Back to the shared program");
  await page.getByTestId("run").click();
  await waitForStatus(page, "finished");
  assert.equal(await consoleText(page), "my draft\nProgram exited.\n");

  await button.click();
  assert.equal(await editorText(page), SHARED);
  assert.equal(await page.getByTestId("procs").inputValue(), "2");

  // Reloading the shared link keeps what was done since, and the draft stays reachable.
  await page.locator("[data-testid=editor] .cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("// edited");
  const edited = await editorText(page);
  await draftSaved(page, edited);
  await page.reload();
  await page.locator("[data-testid=editor] .cm-content").waitFor();
  assert.equal(await editorText(page), edited);
  await page.getByTestId("previous-draft").click();
  assert.equal(await editorText(page), draft);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a link pasted into an open playground opens like any link", async () => {
  const { page, errors } = await openPlayground();
  await typeProgram(page, MINE);
  const draft = await editorText(page);
  await page.evaluate((fragment) => { location.hash = fragment; }, fragmentFor(SHARED));
  await page.waitForFunction(() => document.querySelector("[data-testid=previous-draft]"));
  assert.equal(await editorText(page), SHARED);
  await page.getByTestId("previous-draft").click();
  assert.equal(await editorText(page), draft);
  assert.deepEqual(errors, []);
  await page.close();
});
