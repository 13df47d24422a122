import { css } from "lit";

/** The element's styles: readable contrast, a horizontally scrolling table on phones, and print rules. */
export const validatorStyles = css`
  :host {
    display: block;
    font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
    color: #1a1a1a;
    background: #fff;
    line-height: 1.5;
    --gdv-accent: #0b5cad;
    --gdv-error: #a4001c;
    --gdv-error-bg: #fde8eb;
    --gdv-warning: #7a4800;
    --gdv-warning-bg: #fff2d1;
    --gdv-info: #2b4f7a;
    --gdv-info-bg: #e8f0fa;
    --gdv-border: #8a8a8a;
  }
  * { box-sizing: border-box; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin-bottom: 0.75rem; }
  h2 { font-size: 1.15rem; margin: 0 auto 0 0; }
  h3 { font-size: 1.05rem; margin: 1rem 0 0.5rem; }
  label { font-size: 0.9rem; }
  select, input, textarea, button { font: inherit; color: inherit; }
  select, textarea, .meta input { border: 1px solid var(--gdv-border); border-radius: 4px; padding: 0.3rem 0.4rem; background: #fff; }
  button {
    border: 1px solid var(--gdv-accent); background: var(--gdv-accent); color: #fff; border-radius: 4px;
    padding: 0.35rem 0.75rem; cursor: pointer; min-height: 2.25rem;
  }
  button.secondary { background: #fff; color: var(--gdv-accent); }
  button:disabled { opacity: 0.6; cursor: default; }
  :focus-visible { outline: 3px solid #f0a000; outline-offset: 1px; }
  .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.5rem 0; }
  .field { display: flex; flex-direction: column; gap: 0.15rem; min-width: 0; max-width: 100%; }
  select, input[type="file"], textarea { max-width: 100%; }
  .input-area > *, .layout > * { min-width: 0; }
  .input-area {
    border: 2px dashed var(--gdv-border); border-radius: 6px; padding: 0.75rem; margin-bottom: 0.75rem;
    display: grid; gap: 0.5rem;
  }
  .input-area.dragging { border-color: var(--gdv-accent); background: #eef5fc; }
  textarea { width: 100%; min-height: 4.5rem; resize: vertical; }
  .privacy { font-size: 0.85rem; color: #3d3d3d; margin: 0; }
  .status { font-size: 0.9rem; min-height: 1.4em; margin: 0.25rem 0; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
  @media (min-width: 1100px) {
    .layout { grid-template-columns: minmax(0, 1fr) 22rem; }
    .panel { position: sticky; top: 0.5rem; align-self: start; max-height: calc(100vh - 1rem); overflow-y: auto; }
  }
  .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; border: 1px solid #d0d0d0; }
  table { border-collapse: collapse; font-size: 0.85rem; min-width: 100%; }
  caption { text-align: left; font-weight: 600; padding: 0.4rem; }
  th, td { border: 1px solid #767676; padding: 0.2rem 0.35rem; vertical-align: middle; }
  th { background: #f3f3f3; font-weight: normal; text-align: left; }
  th[scope="col"], th[scope="colgroup"] { text-align: center; }
  th.corner { font-size: 0.78rem; min-width: 10rem; max-width: 14rem; }
  th[scope="row"], th[scope="rowgroup"] { min-width: 5.5em; max-width: 22em; }
  th[scope="row"] { min-width: 9em; }
  td { padding: 0; min-width: 4.2rem; }
  td.filler { background: #f3f3f3; text-align: center; color: #444; padding: 0.2rem 0.35rem; min-width: 3em; }
  td input {
    width: 100%; min-width: 4rem; border: 2px solid transparent; padding: 0.3rem; text-align: right; background: #fff;
    font-variant-numeric: tabular-nums;
  }
  td input:hover { border-color: #b8b8b8; }
  td.error input { border-color: var(--gdv-error); background: var(--gdv-error-bg); }
  td.warning input { border-color: var(--gdv-warning); border-style: dashed; background: var(--gdv-warning-bg); }
  td.info input { border-color: var(--gdv-info); border-style: dotted; background: var(--gdv-info-bg); }
  td.involved input { border-width: 1px; background: #fff; }
  td.suggested input { box-shadow: inset 0 0 0 2px #0b5cad; }
  .summary { font-weight: 600; }
  ol.findings, ul.notes, ol.corrections { padding-left: 2.2rem; margin: 0.25rem 0; }
  ol.findings li, ol.corrections li, ul.notes li { margin: 0.35rem 0; }
  .badge { display: inline-block; font-size: 0.75rem; padding: 0 0.35rem; border-radius: 3px; margin-right: 0.3rem; border: 1px solid; }
  .badge.error { color: var(--gdv-error); background: var(--gdv-error-bg); }
  .badge.warning { color: var(--gdv-warning); background: var(--gdv-warning-bg); }
  .badge.info { color: var(--gdv-info); background: var(--gdv-info-bg); }
  .rule { font-family: ui-monospace, monospace; font-size: 0.75rem; color: #404040; }
  button.link { background: none; border: none; color: var(--gdv-accent); text-decoration: underline; padding: 0 0.2rem; min-height: 0; }
  .meta { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
  @media (max-width: 640px) {
    header, .controls, .meta { flex-direction: column; align-items: stretch; }
    select { width: 100%; }
    button { width: 100%; }
    button.link { width: auto; }
  }
  @media print {
    :host { font-size: 10pt; }
    .input-area, .controls, header .toggles, button { display: none !important; }
    .layout { display: block; }
    .panel { position: static; max-height: none; overflow: visible; }
    .scroll { overflow: visible; border: none; }
    table { font-size: 8pt; page-break-inside: auto; }
    tr { page-break-inside: avoid; }
    td input { border: none !important; background: none !important; padding: 0.1rem; }
    td.error:not(.involved), td.warning:not(.involved) { outline: 2px solid #000; }
  }
`;
