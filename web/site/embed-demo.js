// The sample tutorial's use of the postMessage API: "Run all three" sends
// `{ goroscope: 1, type: "run" }` to every playground on the page, and the list shows
// each one's final status when its report `{ type: "status", done: true }` arrives.
// Only reports from the page's own playground iframes count.

(() => {
  "use strict";
  const button = document.getElementById("run-all");
  const outcomes = document.getElementById("outcomes");
  const frames = () => [...document.querySelectorAll("iframe.goroscope-embed")];

  window.addEventListener("message", (event) => {
    const index = frames().findIndex((frame) => frame.contentWindow === event.source);
    const data = event.data;
    if (index < 0 || data === null || typeof data !== "object" || data.goroscope !== 1 ||
        data.type !== "status" || data.done !== true || data.status === "idle" ||
        outcomes.childElementCount === 0) {
      return;
    }
    const item = outcomes.children[index];
    if (item) {
      item.textContent = `Program ${index + 1}: ${String(data.status)}`;
    }
  });

  button.addEventListener("click", () => {
    outcomes.replaceChildren();
    frames().forEach((frame, i) => {
      const item = document.createElement("li");
      item.textContent = `Program ${i + 1}: running…`;
      outcomes.append(item);
      frame.contentWindow.postMessage({ goroscope: 1, type: "run" }, new URL(frame.src).origin);
    });
  });
})();
