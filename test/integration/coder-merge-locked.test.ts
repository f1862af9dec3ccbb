/**
 * A coder file still open in Cairn (the coder has not closed it, or it is open in
 * another window) is refused with one clear line, and the project is unchanged.
 */
import { describe, expect, it } from "vitest";
import { benCodedCopy, dump, openCore, useHandover } from "./coder-handover-project.ts";

const tempDir = useHandover();

describe("merging a coder file that is open elsewhere", () => {
  it("says to close it there first and changes nothing", async () => {
    const { setup, copy } = await benCodedCopy(tempDir());
    openCore(setup.dir, copy.path, "ben-home");
    const before = dump(setup.core);
    const result = await setup.core.call("coders.merge", { path: copy.path });
    expect(result).toMatchObject({ ok: false, error: { code: "locked" } });
    expect(!result.ok && result.error.message).toMatch(/ben\.cairn is open in Cairn/);
    expect(dump(setup.core)).toEqual(before);
  });
});
