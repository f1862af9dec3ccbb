import { defineConfig } from "vitest/config";

// Unit tests cover shared/ and pure helpers; integration tests run the core on real
// SQLite files in temporary folders. End-to-end tests have their own config.
/** Integration files that replace a module with vi.mock; they run isolated. */
const MOCKING_FILES = ["test/integration/refi-import-handler.test.ts"];

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
          exclude: MOCKING_FILES,
          environment: "node",
          testTimeout: 30_000,
          // Each file builds its own temp folders and sessions, so files can share one
          // module graph per worker: that saves most of the ~80 s spent importing.
          isolate: false,
        },
      },
      {
        // A file that mocks a module must not lend that mock to the files after it.
        test: {
          name: "integration-mocked",
          include: MOCKING_FILES,
          environment: "node",
          testTimeout: 30_000,
        },
      },
    ],
  },
});
