// The demo page: the element, two bundled real reports to try, a listener standing in for a county's own form,
// and a service worker so that the page works offline once loaded.
import "@gov-disclosure/element";
import type { ValidatorChangeDetail } from "@gov-disclosure/element";

const el = document.querySelector("gov-disclosure-validator");
const log = document.getElementById("event-log");

/** The bundled samples: real published reports, read from the repository's fixtures at build time. */
const samples = {
  "sample-pingtan": { name: "pingtan-2021.json", load: () => import("../../../fixtures/canonical/pingtan-2021.json?raw") },
  "sample-taishun": { name: "taishun-2018.txt", load: () => import("../../../fixtures/real/taishun-2018.txt?raw") },
} as const;

for (const [id, sample] of Object.entries(samples)) {
  document.getElementById(id)?.addEventListener("click", async () => {
    const text = (await sample.load()).default;
    await el?.loadText(text, sample.name);
  });
}

el?.addEventListener("change", (e) => {
  const { report, result, cause } = (e as CustomEvent<ValidatorChangeDetail>).detail;
  if (!log) return;
  const who = [report.meta.body, report.meta.year].filter(Boolean).join(" ");
  log.textContent = `change (${cause}): ${who || report.edition} · error ${result.counts.error} · warning ${result.counts.warning} · info ${result.counts.info}`;
});

if ("serviceWorker" in navigator && location.protocol.startsWith("http") && !new URLSearchParams(location.search).has("nosw")) {
  navigator.serviceWorker.register("./sw.js").catch(() => undefined);
}
