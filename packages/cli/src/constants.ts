/** The formats `convert` and `aggregate` write. */
export const CONVERT_FORMATS = ["json", "html", "md", "csv", "ndjson", "xlsx"] as const;
/** The formats `validate` writes. */
export const VALIDATE_FORMATS = ["text", "json", "ndjson", "html", "sarif", "junit"] as const;
/** The severities `--fail-on` takes, lowest last. */
export const SEVERITIES = ["error", "warning", "info"] as const;
/** The formats `diff` writes. */
export const DIFF_FORMATS = ["text", "json", "md", "html"] as const;
/** The formats `stats` writes. */
export const STATS_FORMATS = ["table", "csv", "json"] as const;
/** The formats `template` writes. */
export const TEMPLATE_FORMATS = ["json", "xlsx"] as const;
/** The default per-file time limit of batches, in seconds (`--timeout`). */
export const DEFAULT_TIMEOUT_S = 30;
