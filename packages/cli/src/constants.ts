/** The formats `convert` and `aggregate` write, for help texts (kept free of package imports so --help starts fast). */
export const CONVERT_FORMATS_LIST = "json | html | md | csv | ndjson | xlsx";
