/**
 * A coder file brought back a second time after the coder worked on (issue 7): their
 * passages stay one segment per passage, as if they had coded in the project itself.
 */
import { describe, expect, it } from "vitest";
import {
  benCodedCopy,
  closeCore,
  dump,
  type Merged,
  openCore,
  useHandover,
  value,
} from "./coder-handover-project.ts";

const tempDir = useHandover();

describe("merging a coder's file again after more coding", () => {
  it("widens Ben's passage instead of adding an overlapping second one", async () => {
    const { setup, copy } = await benCodedCopy(tempDir());
    value<Merged>(await setup.core.call("coders.merge", { path: copy.path }));

    // Ben widens his Safety passage 0-6 to 0-20 in his copy (his Cairn merges the two).
    const ben = openCore(setup.dir, copy.path, "ben-home");
    value(
      await ben.call("coding.apply", {
        answerId: setup.ids.answer("R1", "Q1"),
        code: { path: ["Safety"] },
        coder: "Ben",
        start: 4,
        end: 20,
      }),
    );
    closeCore(ben);

    const again = value<Merged>(await setup.core.call("coders.merge", { path: copy.path }));
    expect(again.report).toMatchObject({ segmentsAdded: 1, segmentsAlreadyPresent: 1 });
    const safety = (dump(setup.core) as { segments: Record<string, unknown>[] }).segments.filter(
      (s) => s.coder === "Ben" && s.code === "Safety",
    );
    expect(safety).toEqual([
      expect.objectContaining({ respondent: "R1", question: "Q1", start: 0, end: 20 }),
    ]);
    // And a third merge changes nothing.
    const third = value<Merged>(await setup.core.call("coders.merge", { path: copy.path }));
    expect(third.report).toMatchObject({ segmentsAdded: 0, segmentsAlreadyPresent: 2 });
  });
});
