/** The bundle's entry file, in dist/. */
export declare const ENTRY: string;
/** The files of the first load (paths relative to `dist`) and their sizes, minified and gzipped. */
export declare function firstLoad(dist: string): { readonly files: readonly string[]; readonly raw: number; readonly gz: number };
