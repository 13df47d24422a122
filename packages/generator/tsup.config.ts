import { defineConfig } from "tsup";
import { libraryConfig } from "../../scripts/tsup";

export default defineConfig({ ...libraryConfig(), tsconfig: "tsconfig.json" });
