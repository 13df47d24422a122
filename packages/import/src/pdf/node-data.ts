// Node only: loaded by a dynamic import after a runtime check, so browsers and bundles for them never touch it.
import type { PdfDataLoader } from "./types";

interface NodeModule {
  createRequire(from: string): { resolve(id: string): string };
}
interface NodeFs {
  readFile(path: string): Promise<Uint8Array>;
}

declare const __filename: string | undefined;

// Specifiers held in variables: bundlers for the browser must not try to resolve Node's built-ins.
const MODULE = "node:module";
const FS = "node:fs/promises";

/** Where this module is (ESM: import.meta.url; the CommonJS build: __filename). */
function here(): string | undefined {
  const meta = import.meta as { url?: string };
  if (typeof meta.url === "string" && meta.url) return meta.url;
  return typeof __filename === "string" ? __filename : undefined;
}

/**
 * Reads CMaps and standard fonts from the pdfjs-dist package installed beside this one (its `cmaps/` and
 * `standard_fonts/` folders). Undefined when the package cannot be found (a bundle without node_modules: pass
 * `data` to `readPdf` then). @internal
 */
export async function pdfjsPackageData(): Promise<PdfDataLoader | undefined> {
  const from = here();
  if (!from) return undefined;
  try {
    const mod = (await import(/* @vite-ignore */ MODULE)) as NodeModule;
    const fs = (await import(/* @vite-ignore */ FS)) as NodeFs;
    const pkg = mod.createRequire(from).resolve("pdfjs-dist/package.json");
    const dir = pkg.slice(0, pkg.length - "package.json".length);
    return async (kind, name) => {
      const file = kind === "cmap" ? `${dir}cmaps/${name}.bcmap` : `${dir}standard_fonts/${name}`;
      try {
        const b = await fs.readFile(file);
        return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      } catch {
        return undefined;
      }
    };
  } catch {
    return undefined;
  }
}
