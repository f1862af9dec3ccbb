import { defineConfig } from "vitest/config";

// Unit tests cover shared/ and pure helpers; integration tests run the core on real
// SQLite files in temporary folders. End-to-end tests have their own config.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
          // Pure functions without mocks: one module graph per worker instead of one per
          // file saves most of the unit tests' import time in CI.
          isolate: false,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
    ],
  },
});
