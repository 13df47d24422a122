// The demo page: the element, two bundled real reports to try, a listener standing in for a county's own form,
// the page's own text in the element's language, and a service worker so that the page works offline once loaded.
import "@gov-disclosure/element";
import type { Locale } from "@gov-disclosure/core";
import { localeOf, type ValidatorChangeDetail } from "@gov-disclosure/element";
import { type PageStrings, pageStrings, pageText } from "./strings";

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

/** Words the page around the element in the element's language (`<html lang>` included). */
function wordPage(locale: Locale): void {
  const s = pageStrings(locale);
  document.documentElement.lang = locale;
  document.title = s.title;
  document.querySelector('meta[name="description"]')?.setAttribute("content", s.description);
  for (const node of document.querySelectorAll<HTMLElement>("[data-text]")) {
    const key = node.dataset.text as keyof PageStrings;
    const value = s[key];
    if (typeof value === "string") node.textContent = value;
  }
}

const current = (): Locale => localeOf(el?.getAttribute("lang"));
const wanted = new URLSearchParams(location.search).get("lang");
if (el && wanted) el.setAttribute("lang", localeOf(wanted));
wordPage(current());
if (el) new MutationObserver(() => wordPage(current())).observe(el, { attributes: true, attributeFilter: ["lang"] });

el?.addEventListener("change", (e) => {
  const { report, result, cause } = (e as CustomEvent<ValidatorChangeDetail>).detail;
  if (!log) return;
  const locale = current();
  const who = [report.meta.body, report.meta.year].filter(Boolean).join(" ");
  log.dataset.cause = cause;
  log.textContent = pageText(locale, "changeLog", {
    cause: pageStrings(locale).causes[cause],
    who: who || report.edition,
    error: result.counts.error,
    warning: result.counts.warning,
    info: result.counts.info,
  });
});

if ("serviceWorker" in navigator && location.protocol.startsWith("http") && !new URLSearchParams(location.search).has("nosw")) {
  navigator.serviceWorker.register("./sw.js").catch(() => undefined);
}
