// Public API of @gov-disclosure/generator. Anything not listed here is internal.

/** Seeded pseudo-random generator (mulberry32) and string-to-seed hash used by every generator here. */
export { hashSeed, Rng } from "./random";
/** Levels the generator draws bodies from, the body profile kept across a series, and each edition's generated years. */
export { type BodyProfile, EDITION_YEARS, GENERATED_LEVELS } from "./bodies";
/** Valid reports: one (`generateReport`), consecutive years of one body (`generateSeries`), or a lazy stream (`generateCorpus`). */
export { type CorpusOptions, type GenerateOptions, generateCorpus, generateReport, generateSeries, type SeriesOptions } from "./generate";
/** Deliberately broken variants of a report, with the rules expected to fire and the cells changed. */
export { type BreakKind, type BrokenReport, breakKindsFor, breakReport, EXTRA_BREAK_KINDS } from "./break";
/** Section titles of the 2019 and 2021 formats as the generator writes them. */
export { NATIONAL_TITLES } from "./narrative";
/** Writes a report as the flattened text of a scraped web page ("glued" like Pingtan, "lines" like Taishun). */
export { type FlattenedTextOptions, T3_HEADER_NOTE, toFlattenedText } from "./text";
