import { vitestConfig } from "../../scripts/vitest.shared";

export default vitestConfig({ testTimeout: 180_000 });
