// Share links built the way DESIGN.md fixes them (raw DEFLATE, base64url without
// padding), independently of the page's Rust code; and the CSP violation recorder.

import { deflateRawSync, inflateRawSync } from "node:zlib";

/** The fragment (without `#`) that shares `code`, then `extra` (e.g. "&procs=2"). */
export const fragmentFor = (code, extra = "") =>
  `code=${deflateRawSync(Buffer.from(code, "utf8")).toString("base64url")}${extra}`;

/** The program a share URL or fragment carries. */
export const programOf = (link) => {
  const code = new URLSearchParams(link.slice(link.indexOf("#") + 1)).get("code");
  return inflateRawSync(Buffer.from(code, "base64url")).toString("utf8");
};

/**
 * Records every Content-Security-Policy violation in `page` and its frames, from the
 * next navigation on, into `window.__cspViolations` of each frame.
 */
export async function recordCspViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

/** The violations recorded in every frame of `page`. */
export const cspViolations = async (page) =>
  (await Promise.all(page.frames().map((f) => f.evaluate(() => window.__cspViolations ?? ["no recorder"])))).flat();
