// Canonical JSON, in a chunk of its own (loaded when JSON is read or saved): core's JSON reader carries its schema
// library (zod), about 32 KB gzipped, which the first load does not need.
export { parseReportJson, stringifyReport } from "@gov-disclosure/core";
