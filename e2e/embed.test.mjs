// End-to-end: the embed (issue 6): the compact page at 700×450, the sample tutorial page
// with three snippets made by embed.js, and the postMessage API with its origin policy.

import { test } from "node:test";
import assert from "node:assert/strict";
import { consoleText, editorText, openPlayground, url, useBrowser, waitForStatus } from "./harness.mjs";
import { fragmentFor, programOf } from "./share-helpers.mjs";

useBrowser();

const HELLO = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi from the embed")\n}\n';

/** The sample tutorial, loaded with its three playgrounds ready. */
async function openDemo() {
  const { page, errors } = await openPlayground();
  await page.goto(`${url}embed-demo.html`);
  const iframes = page.locator("iframe.goroscope-embed");
  await page.waitForFunction(() => document.querySelectorAll("iframe.goroscope-embed").length === 3);
  const frames = await Promise.all([0, 1, 2].map(async (i) => (await iframes.nth(i).elementHandle()).contentFrame()));
  for (const frame of frames) {
    await frame.locator("[data-testid=editor] .cm-content").waitFor();
  }
  return { page, errors, frames };
}

const frameStatus = (frame) => frame.getByTestId("status").textContent();

test("the embed page fits a 700×450 iframe and runs", async () => {
  const { page, errors } = await openPlayground(`${url}?embed#${fragmentFor(HELLO, "&procs=2&seed=5")}`,
    { viewport: { width: 700, height: 450 } });
  assert.equal(await page.locator("header").count(), 0, "no full-page header");
  for (const id of ["run", "stop", "status", "views-toggle", "editor", "console", "open-full"]) {
    const box = await page.getByTestId(id).boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 450 && box.x + box.width <= 700,
      `${id} is inside 700×450: ${JSON.stringify(box)}`);
  }
  assert.equal(await editorText(page), HELLO);
  await page.getByTestId("run").click();
  await waitForStatus(page, "finished");
  assert.equal(await consoleText(page), "hi from the embed\nProgram exited.\n");
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= 450, `no scrolling needed: ${height}`);

  // "Open in the full playground" carries the program as edited, and no ?embed.
  await page.locator("[data-testid=editor] .cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("// more");
  const [full] = await Promise.all([page.waitForEvent("popup"), page.getByTestId("open-full").click()]);
  assert.ok(!full.url().includes("embed"), full.url());
  assert.match(full.url(), /#code=[A-Za-z0-9_-]+&procs=2&seed=5$/);
  assert.equal(programOf(full.url()), `${HELLO}// more`);
  await full.locator("[data-testid=editor] .cm-content").waitFor();
  assert.equal(await full.locator("header").count(), 1, "the full playground");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the sample tutorial's three snippets run independently", async () => {
  const { page, errors, frames } = await openDemo();
  // Heights follow the content through postMessage (embed.js starts every iframe at 450).
  await page.waitForFunction(() => [...document.querySelectorAll("iframe.goroscope-embed")]
    .every((f) => f.height !== "450"));
  for (const frame of frames) {
    assert.equal(await frameStatus(frame), "idle");
  }
  const expected = ["hello from a goroutine\n", "squares: [0 1 4]\n", "timed out after 100ms\n"];
  for (const [i, frame] of frames.entries()) {
    await frame.getByTestId("run").click();
    await frame.waitForFunction(() => document.querySelector("[data-testid=status]").textContent === "finished");
    assert.equal(await consoleText(frame), `${expected[i]}Program exited.\n`);
    for (const other of frames.slice(i + 1)) {
      assert.equal(await frameStatus(other), "idle", "the others did not run");
      assert.equal(await consoleText(other), "");
    }
  }
  // The third block has data-views="open": its views follow the run; the others' are
  // one click away.
  await frames[2].getByTestId("timeline").waitFor();
  assert.ok(await frames[2].getByTestId("proc-0").count() > 0, "a lane per P");
  assert.equal(await frames[2].getByTestId("views-toggle").getAttribute("aria-pressed"), "true");
  assert.equal(await frames[0].getByTestId("timeline").count(), 0);
  await frames[0].getByTestId("views-toggle").click();
  await frames[0].getByTestId("timeline").waitFor();
  assert.ok(await frames[0].getByTestId("goroutine-1").count() > 0, "main is drawn");
  await frames[0].getByTestId("views-toggle").click();
  assert.equal(await frames[0].getByTestId("timeline").count(), 0);

  // The settings came from the blocks' attributes.
  const links = await Promise.all(frames.map((f) => f.getByTestId("open-full").getAttribute("href")));
  assert.match(links[1], /&procs=1&seed=7$/);
  assert.match(links[2], /&procs=2&seed=1$/);

  // The page's "Run all three" drives them through the postMessage API.
  await page.locator("#run-all").click();
  await page.waitForFunction(() => [...document.querySelectorAll("#outcomes li")]
    .map((li) => li.textContent).join("|") === "Program 1: finished|Program 2: finished|Program 3: finished");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the postMessage API sets code, runs, stops and reports", async () => {
  const { page, errors, frames } = await openDemo();
  await page.evaluate(() => {
    window.reports = [];
    const first = document.querySelector("iframe.goroscope-embed");
    window.addEventListener("message", (e) => {
      if (e.source === first.contentWindow) window.reports.push(e.data);
    });
    window.send = (message) => first.contentWindow.postMessage(message, "*");
  });
  const program = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("set by the host")\n\tpanic("boom")\n}\n';
  await page.evaluate((code) => {
    send({ goroscope: 1, type: "setCode", code, procs: 1, seed: "42" });
    send({ goroscope: 1, type: "run" });
  }, program);
  await page.waitForFunction(() => reports.some((r) => r.type === "status" && r.done && r.status !== "idle"));
  assert.equal(await editorText(frames[0]), program);
  const reports = await page.evaluate(() => reports);
  const output = reports.filter((r) => r.type === "output");
  assert.deepEqual(output[0], { goroscope: 1, type: "output", stream: "stdout", text: "set by the host\n" });
  assert.ok(output.some((r) => r.stream === "stderr" && r.text.includes("panic: boom")), JSON.stringify(output));
  const statuses = reports.filter((r) => r.type === "status").map((r) => `${r.status}:${r.done}`);
  assert.deepEqual(statuses.slice(-2), ["running:false", "panic:true"]);
  // The full-playground link is written when pressed, with the settings the host set.
  await frames[0].getByTestId("open-full").dispatchEvent("mousedown");
  const full = await frames[0].getByTestId("open-full").getAttribute("href");
  assert.match(full, /&procs=1&seed=42$/, "settings applied");
  assert.equal(programOf(full), program);

  // Stop ends a run that never would.
  await page.evaluate(() => {
    reports.length = 0;
    send({ goroscope: 1, type: "setCode", code: "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n" });
    send({ goroscope: 1, type: "run" });
  });
  await page.waitForFunction(() => reports.some((r) => r.type === "status" && r.status === "running"));
  await page.evaluate(() => send({ goroscope: 1, type: "stop" }));
  await page.waitForFunction(() => reports.some((r) => r.type === "status" && r.status === "idle" && r.done));

  // Anything but the exact shapes, and anyone but the parent, is ignored.
  await page.evaluate(() => {
    reports.length = 0;
    for (const bad of [{ type: "run" }, { goroscope: 2, type: "run" }, { goroscope: 1, type: "eval" },
      "run", JSON.stringify({ goroscope: 1, type: "run" }), { goroscope: 1, type: "setCode", code: 7 }]) {
      send(bad);
    }
  });
  await frames[1].evaluate(() => parent.frames[0].postMessage({ goroscope: 1, type: "run" }, "*"));
  await frames[0].evaluate(() => window.postMessage({ goroscope: 1, type: "run" }, "*"));
  await page.waitForTimeout(700);
  assert.equal(await frameStatus(frames[0]), "idle");
  assert.deepEqual(await page.evaluate(() => reports.filter((r) => r.type !== "height")), []);
  assert.match(await editorText(frames[0]), /for \{/, "the bad setCode changed nothing");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a top-level embed page accepts no commands", async () => {
  const { page, errors } = await openPlayground(`${url}?embed#${fragmentFor(HELLO)}`);
  await page.evaluate(() => window.postMessage({ goroscope: 1, type: "run" }, "*"));
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId("status").textContent(), "idle");
  assert.deepEqual(errors, []);
  await page.close();
});

test("embed.js works from a tutorial on another origin, with the site under any path", async () => {
  const { page, errors } = await openPlayground();
  const site = new URL(url);
  // The playground as a static host would serve it below /deep/path/, proxied to dist/.
  await page.context().route("http://site.test/deep/path/**", async (route) => {
    const path = new URL(route.request().url()).pathname.replace("/deep/path/", "");
    const response = await route.fetch({ url: new URL(path, site).href });
    await route.fulfill({ response });
  });
  const code = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("from another origin")\n}\n';
  await page.context().route("http://tutorial.test/lessons/one.html", (route) => route.fulfill({
    contentType: "text/html",
    body: `<!doctype html><title>lesson</title>
      <script src="http://site.test/deep/path/embed.js" defer></script>
      <pre data-goroscope data-procs="9" data-seed="x">${code.replace(/</g, "&lt;")}</pre>`,
  }));
  await page.goto("http://tutorial.test/lessons/one.html");
  const iframe = page.locator("iframe.goroscope-embed");
  await iframe.waitFor();
  const src = new URL(await iframe.getAttribute("src"));
  assert.equal(`${src.origin}${src.pathname}${src.search}`, "http://site.test/deep/path/?embed");
  assert.ok(!/procs|seed/.test(src.hash), `invalid attributes are ignored: ${src.hash}`);
  assert.equal(programOf(src.href), code);
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.locator("[data-testid=editor] .cm-content").waitFor();
  await frame.getByTestId("run").click();
  await frame.waitForFunction(() => document.querySelector("[data-testid=status]").textContent === "finished");
  assert.equal(await consoleText(frame), "from another origin\nProgram exited.\n");
  await page.waitForFunction(() => document.querySelector("iframe.goroscope-embed").height !== "450");
  assert.deepEqual(errors, []);
  await page.close();
});
