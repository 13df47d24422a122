import { mergeConfig } from "vitest/config";
import { vitestConfig } from "../../scripts/vitest.shared";

// The shared config sets resolve.conditions, which vite 8 applies to the client only: tests run in node (the ssr
// environment), so the source condition is repeated there, or workspace packages would resolve to their dist.
export default mergeConfig(vitestConfig(), { ssr: { resolve: { conditions: ["@gov-disclosure/source", "node", "import", "default"] } } });
