/**
 * A file prepared for a second coder says whose it is in the project summary, so the
 * app can propose that name when it asks who is coding (issue 7).
 */
import { describe, expect, it } from "vitest";
import type { ProjectSummary } from "../../shared/domain.ts";
import { aoifeCoded, openCore, prepare, useHandover, value } from "./coder-handover-project.ts";

const tempDir = useHandover();

describe("the project summary of a file prepared for a second coder", () => {
  it("names Ben in the copy made for him, and nobody in the project it came from", async () => {
    const setup = await aoifeCoded(tempDir());
    const copy = await prepare(setup, "ben.cairn");
    const original = value<ProjectSummary>(await setup.core.call("project.current", {}));
    expect(original.preparedFor).toBeNull();

    const ben = openCore(setup.dir, copy.path, "ben-home");
    const summary = value<ProjectSummary>(await ben.call("project.current", {}));
    expect(summary.preparedFor).toBe("Ben");
  });
});
