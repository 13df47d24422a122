// Public API of @gov-disclosure/element. Importing this module defines <gov-disclosure-validator> in a browser.
import { defineValidator } from "./element";

/** The custom element class, its tag name, the definer and the `change` event's detail. */
export { defineValidator, GovDisclosureValidator, TAG_NAME, type ValidatorChangeDetail } from "./element";
/** Reading what is typed into a cell: full-width digits, "—", "无", blanks, units. */
export { entryText, normalizeEntry, parseEntry, sameValue } from "./entry";
/** Interface text per language. */
export { type ElementStrings, localeOf, stringsFor } from "./i18n";
/** Reading files and pasted text in the browser, and exporting JSON, XLSX and HTML. */
export { exportName, type ReadNote, type ReadResult, readBytes, readText, toHtml, toJson, toXlsx } from "./io";
/** The official layout of each edition's tables as an entry grid with merged header cells. */
export { entryLayout, type HeadCell, type InputCell, inputLabel, type LayoutCell, type LayoutTable, layoutInputs } from "./layout";
/** The element's state as plain functions: validation, marks per cell, typing, corrections, totals. */
export {
  applyCorrection,
  type CellMark,
  type Checked,
  check,
  defsOfReport,
  fillBlankTotals,
  isEmptyReport,
  type MarkSeverity,
  setCellText,
  setCellValue,
  switchEdition,
} from "./state";

defineValidator();
