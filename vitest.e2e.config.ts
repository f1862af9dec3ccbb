import { defineConfig } from "vitest/config";

// End-to-end: the real UI in Debian's Chromium (playwright-core) against browser mode.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
