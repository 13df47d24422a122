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
  .input-area > * { min-width: 0; }
  .input-area {
    border: 2px dashed var(--gdv-border); border-radius: 6px; padding: 0.75rem; margin-bottom: 0.75rem;
    display: grid; gap: 0.5rem;
  }
  .input-area.dragging { border-color: var(--gdv-accent); background: #eef5fc; }
  textarea { width: 100%; min-height: 4.5rem; resize: vertical; }
  .privacy { font-size: 0.85rem; color: #3d3d3d; margin: 0; }
  .status { font-size: 0.9rem; min-height: 1.4em; margin: 0.25rem 0; }
  .skip {
    display: inline-block; margin: 0 0 0.5rem; padding: 0.2rem 0.4rem; color: var(--gdv-accent); font-size: 0.9rem;
  }
  .panel { border: 1px solid #b8b8b8; border-radius: 6px; padding: 0.25rem 0.75rem 0.5rem; margin: 0.5rem 0 1rem; scroll-margin-top: 0.5rem; }
  .panel:focus { outline: none; }
  .panel:focus-visible { outline: 3px solid #f0a000; }
  .panel h3 { margin-top: 0.5rem; }
  h4 { font-size: 0.95rem; margin: 0.75rem 0 0.25rem; }
  .held { font-size: 0.9rem; margin: 0.25rem 0; }
  .scroll {
    overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; border: 1px solid #d0d0d0; margin-top: 0.75rem;
  }
  .scroll[data-overflow] { border-right: 4px solid #6b6b6b; box-shadow: inset -12px 0 10px -10px rgba(0, 0, 0, 0.35); }
  .scroll::-webkit-scrollbar { height: 12px; }
  .scroll::-webkit-scrollbar-thumb { background: #6b6b6b; border-radius: 6px; }
  .scroll::-webkit-scrollbar-track { background: #e6e6e6; }
  .scroll-hint { font-size: 0.85rem; margin: 0.2rem 0 0; color: #3d3d3d; }
  .scroll-hint[hidden] { display: none; }
  table { border-collapse: collapse; font-size: 0.85rem; min-width: 100%; }
  caption { text-align: left; font-weight: 600; padding: 0.4rem; }
  th, td { border: 1px solid #767676; padding: 0.2rem 0.35rem; vertical-align: middle; }
  th { background: #f3f3f3; font-weight: normal; text-align: left; }
  th[scope="col"], th[scope="colgroup"] { text-align: center; }
  th.corner { font-size: 0.78rem; min-width: 10rem; max-width: 14rem; }
  th[scope="row"], th[scope="rowgroup"] { min-width: 5.5em; max-width: 22em; }
  th[scope="row"] { min-width: 9em; }
  td { padding: 0; min-width: 3.6rem; position: relative; }
  #table-t4 th { font-size: 0.8rem; }
  #table-t4 td { min-width: 3.3rem; }
  td.filler { background: #f3f3f3; text-align: center; color: #444; padding: 0.2rem 0.35rem; min-width: 3em; }
  td input {
    width: 100%; min-width: 3.3rem; border: 2px solid transparent; padding: 0.3rem 0.3rem 0.3rem 0.9rem; text-align: right;
    background: #fff; font-variant-numeric: tabular-nums;
  }
  td input:hover { border-color: #b8b8b8; }
  /* The cell most likely at fault: a solid border in the severity's colour and "!" (a mark that prints). */
  td.fault.error input { border-color: var(--gdv-error); background: var(--gdv-error-bg); }
  td.fault.warning input { border-color: var(--gdv-warning); border-style: dashed; background: var(--gdv-warning-bg); }
  td.fault.info input { border-color: var(--gdv-info); border-style: dotted; background: var(--gdv-info-bg); }
  /* Cells read by a failing check that are probably right: a thin line only. */
  td.involved input { border: 1px dashed #8a8a8a; }
  td.suggested input { box-shadow: inset 0 0 0 2px #0b5cad; }
  /* Inferred when reading (guessed, placed by order): violet dotted border and "?"; typed: "✎"; computed: "Σ". */
  td.uncertain input { border: 2px dotted #5b2a86; background: #f4eefa; }
  td.fault::before, td.uncertain::after, td.typed::after, td.computed::after {
    position: absolute; top: 0.1rem; font-size: 0.72rem; font-weight: 700; line-height: 1; pointer-events: none;
  }
  td.fault::before { content: "!"; left: 0.25rem; color: var(--gdv-error); }
  td.fault.warning::before { color: var(--gdv-warning); }
  td.fault.info::before { color: var(--gdv-info); }
  td.uncertain::after { content: "?"; left: 0.25rem; bottom: 0.1rem; top: auto; color: #5b2a86; }
  td.typed::after { content: "✎"; left: 0.2rem; bottom: 0.1rem; top: auto; color: #1d5a2e; font-weight: 400; }
  td.computed::after { content: "Σ"; left: 0.25rem; bottom: 0.1rem; top: auto; color: #1d5a2e; }
  .legend { font-size: 0.85rem; margin: 0.5rem 0 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: baseline; }
  .legend ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; }
  .sample {
    display: inline-block; min-width: 1.4rem; text-align: center; font-weight: 700; border: 2px solid #767676; border-radius: 2px;
    padding: 0 0.2rem;
  }
  .sample.fault { color: var(--gdv-error); border-color: var(--gdv-error); background: var(--gdv-error-bg); }
  .sample.involved { border: 1px dashed #8a8a8a; min-height: 1.2rem; vertical-align: middle; }
  .sample.uncertain { color: #5b2a86; border: 2px dotted #5b2a86; background: #f4eefa; }
  .sample.typed, .sample.computed { color: #1d5a2e; border-color: #1d5a2e; }
  .candidates { margin-left: 0.3rem; }
  .summary { font-weight: 600; }
  ol.findings, ol.corrections { padding-left: 2.2rem; margin: 0.25rem 0; }
  ol.findings li, ol.corrections li { margin: 0.35rem 0; }
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
    /* A document: the report and its findings, no controls. Marks are glyphs and borders, kept in colour when possible. */
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    .skip, header .field, .toggles, .input-area, .controls, button, .status:empty, .scroll-hint { display: none !important; }
    .meta input { border: none; padding: 0; font-weight: 600; }
    .panel { border: 1px solid #000; break-inside: auto; }
    .scroll { overflow: visible; border: none; box-shadow: none; }
    .scroll[data-overflow] { border: none; }
    table { font-size: 8pt; break-inside: auto; width: 100%; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    caption { break-after: avoid; }
    td input { border: none !important; background: none !important; padding: 0.1rem 0.1rem 0.1rem 0.7rem; min-width: 0; }
    td.fault { outline: 2px solid #000; outline-offset: -2px; }
    td.uncertain { outline: 1px dotted #000; outline-offset: -2px; }
    td.fault::before, td.uncertain::after, td.typed::after, td.computed::after { color: #000 !important; }
  }
`;
