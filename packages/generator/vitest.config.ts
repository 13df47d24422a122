import { vitestConfig } from "../../scripts/vitest.shared";

export default vitestConfig({ testTimeout: 120_000 });
