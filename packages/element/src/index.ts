// Public API of @gov-disclosure/element. Importing this module defines <gov-disclosure-validator> in a browser.
import { defineValidator } from "./element";

/** The custom element class, its tag name, the definer and the `change` event's detail. */
export {
  CHECK_DELAY_MS,
  defineValidator,
  GovDisclosureValidator,
  MIN_FILLED_FOR_CORRECTIONS,
  TAG_NAME,
  type ValidatorChangeDetail,
} from "./element";
/** Reading what is typed into a cell: full-width digits, "—", "无", blanks, units. */
export { entryText, normalizeEntry, parseEntry, sameValue } from "./entry";
/** Interface text per language: typed zh-CN and en tables, templates filled with core's `fillTemplate`. */
export { type ElementStrings, LANGUAGE_NAMES, localeOf, stringsFor, type TemplateKey, uiText } from "./i18n";
/** Reading files and pasted text in the browser (locale-free issues), and exporting JSON, XLSX and HTML. */
export { exportName, isPdf, type ReadFailure, type ReadResult, readBytes, readText, toHtml, toJson, toXlsx } from "./io";
/** The entry form: render's official layout (`officialTables`) with its value cells as labelled inputs. */
export {
  entryLayout,
  entryTable,
  type FixedCell,
  type HeadCell,
  type InputCell,
  inputLabel,
  type LayoutCell,
  type LayoutTable,
  layoutInputs,
} from "./layout";
/** The element's state as plain functions: validation, marks per cell, typing, corrections, totals. */
export {
  applyCorrection,
  type CellMark,
  type Checked,
  type CheckOptions,
  check,
  defsOfReport,
  fillBlankTotals,
  filledShare,
  isEmptyReport,
  type MarkSeverity,
  setCellText,
  setCellValue,
  switchEdition,
} from "./state";

defineValidator();
