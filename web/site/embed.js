// Goroscope's embed script. A tutorial page includes it once, as a classic script:
//
//   <script src="https://example.org/goroscope/embed.js" defer></script>
//
// and every `<pre data-goroscope>` block becomes an embedded playground: an iframe of the
// embed page (`?embed`) beside this script, with the block's text as the program in the
// fragment (the share format of README.md's "Share and embed"). Attributes on the block:
//   data-procs="N"    GOMAXPROCS, 1 to 8 (default 4)
//   data-seed="S"     the run's seed, an unsigned 64-bit integer (default 1)
//   data-views="open" the views start open
// An attribute with any other value is ignored. The iframe's height follows its content
// (the embed reports it through postMessage), between 120 and 2000 pixels.
//
// Safety: the script puts nothing of the page's text into markup. It builds DOM nodes,
// and the only values it writes are the iframe's src (the program travels compressed and
// base64url-encoded; the settings are checked numbers) and a fixed title. It listens
// only to messages from its own iframes (their contentWindow, from the playground's
// origin) and of the shape `{ goroscope: 1, type: "height", height: <number> }`.

(() => {
  "use strict";

  const script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  // The playground is the directory embed.js is served from, whatever its path.
  const playground = new URL("./", script.src);
  const MIN_HEIGHT = 120;
  const MAX_HEIGHT = 2000;
  const frames = new Set();

  const base64url = (bytes) => {
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  };

  /** Raw deflate of the program's UTF-8 bytes, as the share format wants. */
  const deflateRaw = async (text) => {
    const stream = new Blob([new TextEncoder().encode(text)]).stream()
      .pipeThrough(new CompressionStream("deflate-raw"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };

  /** The share fragment for a block: code, then the settings its attributes give. */
  const fragmentFor = async (pre) => {
    const parts = [`code=${base64url(await deflateRaw(pre.textContent))}`];
    const procs = pre.getAttribute("data-procs");
    if (procs !== null && /^[1-8]$/.test(procs)) {
      parts.push(`procs=${procs}`);
    }
    const seed = pre.getAttribute("data-seed");
    if (seed !== null && /^[0-9]{1,20}$/.test(seed) && BigInt(seed) < 2n ** 64n) {
      parts.push(`seed=${seed}`);
    }
    if (pre.getAttribute("data-views") === "open") {
      parts.push("views=open");
    }
    return parts.join("&");
  };

  const embed = async (pre) => {
    const src = new URL(playground);
    src.search = "?embed";
    src.hash = await fragmentFor(pre);
    const iframe = document.createElement("iframe");
    iframe.src = src.href;
    iframe.title = "Goroscope playground";
    iframe.className = "goroscope-embed";
    iframe.width = "100%";
    iframe.height = "450";
    frames.add(iframe);
    pre.replaceWith(iframe);
  };

  window.addEventListener("message", (event) => {
    if (event.origin !== playground.origin) {
      return;
    }
    let iframe = null;
    for (const frame of frames) {
      if (frame.contentWindow === event.source) {
        iframe = frame;
      }
    }
    const data = event.data;
    if (iframe === null || data === null || typeof data !== "object" || data.goroscope !== 1 ||
        data.type !== "height" || typeof data.height !== "number" || !Number.isFinite(data.height)) {
      return;
    }
    const height = Math.min(Math.max(Math.ceil(data.height), MIN_HEIGHT), MAX_HEIGHT);
    iframe.height = String(height);
  });

  const scan = () => {
    for (const pre of document.querySelectorAll("pre[data-goroscope]")) {
      embed(pre).catch((error) => console.error("goroscope: cannot embed a block:", error));
    }
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
