import { defineConfig } from "tsup";
import { libraryConfig } from "../../scripts/tsup";

export default defineConfig({
  ...libraryConfig({
    index: "src/index.ts",
    validator: "src/validator.ts",
    "messages-zh-CN": "src/messages/zh-CN-entry.ts",
    "messages-en": "src/messages/en-entry.ts",
  }),
  tsconfig: "tsconfig.json",
});
