import { expect } from "vitest";
import { useAppSuite, type AppSuite } from "./app-suite.ts";
import { cairn } from "./cli.ts";

export type SampleApp = AppSuite;

/**
 * For a describe block: before its tests, writes the demo project (`cairn demo`) into a
 * temporary folder and opens the app on it; after them, closes the app and removes the folder.
 */
export function useSampleApp(
  options: {
    readonly prefix: string;
    /** The project file's name in the folder. */
    readonly fileName?: string;
    readonly viewport?: { width: number; height: number };
    /** Lets the page read and write the clipboard. */
    readonly clipboard?: boolean;
  } = { prefix: "cairn-e2e-" },
): SampleApp {
  return useAppSuite({
    ...options,
    fileName: options.fileName ?? "sample.cairn",
    make: (file, dir) => expect(cairn(["demo", file], dir).status).toBe(0),
  });
}
