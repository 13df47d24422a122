import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { ImportOptions } from "@gov-disclosure/import";

let cached: Pick<ImportOptions, "pdfData"> | undefined;

/**
 * The bundle carries PDF.js's CMaps and standard fonts beside it (dist/pdfjs/, copied by the build): read them from
 * there, never from a network. Run from source (tests), the import package finds the installed pdfjs-dist itself.
 */
export function pdfOptions(): Pick<ImportOptions, "pdfData"> {
  if (cached) return cached;
  const base = new URL("./pdfjs/", import.meta.url);
  if (!existsSync(new URL("cmaps/", base))) {
    cached = {};
    return cached;
  }
  cached = {
    pdfData: async (kind, name) => {
      if (!/^[\w.-]+$/.test(name)) return undefined;
      try {
        const b = await readFile(new URL(kind === "cmap" ? `cmaps/${name}.bcmap` : `standard_fonts/${name}`, base));
        return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      } catch {
        return undefined;
      }
    },
  };
  return cached;
}
