// End-to-end: output is text, never HTML, and the playground, its embed page and the
// sample tutorial run under their Content-Security-Policy without a single violation.

import { test } from "node:test";
import assert from "node:assert/strict";
import { consoleText, openPlayground, url, useBrowser, waitForStatus } from "./harness.mjs";
import { cspViolations, fragmentFor, recordCspViolations } from "./share-helpers.mjs";

useBrowser();

const INJECTION = "<img src=x onerror=alert(1)>";
const PRINTS_HTML = `package main

import "fmt"

func main() {
	fmt.Println("${INJECTION}")
	println("<script>alert(2)</script>")
	var x int = "<b>not an int</b>"
	_ = x
}
`;
const RUNS_HTML = PRINTS_HTML.replace(/\tvar x.*\n\t_ = x\n/, "");

/** Opens `address` with CSP violations recorded and dialogs counted. */
async function open(address, options) {
  const { page, errors } = await openPlayground(url, options);
  await recordCspViolations(page);
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.goto("about:blank");
  await page.goto(address);
  return { page, errors, dialogs };
}

test("output and diagnostics are text: no element is created, no script runs", async () => {
  for (const address of [url, `${url}?embed`]) {
    const { page, errors, dialogs } = await open(`${address}#${fragmentFor(PRINTS_HTML)}`);
    await page.locator("[data-testid=editor] .cm-content").waitFor();
    await page.getByTestId("run").click();
    await waitForStatus(page, "error");
    assert.match(await consoleText(page), /"<b>not an int<\/b>"/, "the diagnostic shows the literal");

    await page.goto("about:blank");
    await page.goto(`${address}#${fragmentFor(RUNS_HTML)}`);
    await page.locator("[data-testid=editor] .cm-content").waitFor();
    await page.getByTestId("run").click();
    await waitForStatus(page, "finished");
    const text = await consoleText(page);
    assert.ok(text.startsWith(`${INJECTION}\n`), text);
    assert.ok(text.includes("<script>alert(2)</script>\n"), text);
    assert.equal(await page.locator("img").count(), 0, "no <img> was created");
    assert.equal(await page.locator("[data-testid=console] *:not(span)").count(), 0);
    assert.equal(await page.locator("body script:not([src])").count(), 0);
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], "no dialog fired");
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test("the playground runs under its CSP with no violation", async () => {
  const { page, errors } = await open(url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const directive of ["script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "worker-src 'self'",
    "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]) {
    assert.ok(csp.includes(directive), `${directive} in ${csp}`);
  }
  assert.ok(!csp.includes("unsafe-inline"), csp);
  await page.locator("[data-testid=editor] .cm-content").waitFor();
  // CodeMirror's styles applied (an adopted stylesheet): its gutter sits beside the text.
  const gutter = await page.locator(".cm-gutters").boundingBox();
  const content = await page.locator(".cm-content").boundingBox();
  assert.ok(gutter.x + gutter.width <= content.x + 1, "gutter left of the text");
  assert.ok(await page.evaluate(() => document.adoptedStyleSheets.length) > 0);
  await page.getByTestId("run").click();
  await waitForStatus(page, "finished");
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the sample tutorial and its embeds run under their CSP with no violation", async () => {
  const { page, errors } = await open(`${url}embed-demo.html`);
  await page.waitForFunction(() => document.querySelectorAll("iframe.goroscope-embed").length === 3);
  const frame = await (await page.locator("iframe.goroscope-embed").first().elementHandle()).contentFrame();
  await frame.locator("[data-testid=editor] .cm-content").waitFor();
  await frame.getByTestId("run").click();
  await frame.waitForFunction(() => document.querySelector("[data-testid=status]").textContent === "finished");
  assert.equal(page.frames().length, 4);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});
