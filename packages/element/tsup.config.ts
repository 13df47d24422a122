import { defineConfig } from "tsup";
import { libraryConfig } from "../../scripts/tsup";

// The npm build: ESM + CJS + types, with lit and the gov-disclosure packages left as dependencies.
export default defineConfig({ ...libraryConfig(), tsconfig: "tsconfig.json", external: [/^lit/, /^@gov-disclosure\//, /^pdfjs-dist/] });
