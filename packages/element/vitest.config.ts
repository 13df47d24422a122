import { vitestConfig } from "../../scripts/vitest.shared";

export default vitestConfig();
