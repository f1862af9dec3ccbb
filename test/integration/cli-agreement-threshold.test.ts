/**
 * The threshold is inclusive up to 1 exactly, in `cairn agreement` and `cairn consensus`
 * alike: at 1 only identical passages agree; above 1 is refused in one line.
 */
import { describe, expect, it } from "vitest";
import { cairnInProcess as run } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/temp.ts";
import { agreementSurveyFile } from "./cli-agreement-survey.ts";

const tempDir = useTempDir();

const surveyFile = () => agreementSurveyFile(tempDir());

describe("a threshold of exactly 1", () => {
  it("lets only identical passages agree, at the segment level and in the review queue", async () => {
    const file = await surveyFile();
    const segments = await run(
      "agreement",
      file,
      "--coders",
      "Anna,Ben",
      "--level",
      "segment",
      "--threshold",
      "1",
      "--json",
    );
    expect(segments.status).toBe(0);
    const level = JSON.parse(segments.stdout) as {
      pooled: { segments: number; agreements: number };
    };
    // Identical: Risk on R1 and on R6, two segments each.
    expect(level.pooled).toMatchObject({ segments: 12, agreements: 4 });

    const queue = await run(
      "consensus",
      file,
      "--coders",
      "Anna,Ben",
      "--threshold",
      "1.0",
      "--json",
    );
    expect(queue.status).toBe(0);
    const state = JSON.parse(queue.stdout) as { threshold: number; agreed: number; total: number };
    expect(state).toMatchObject({ threshold: 1, agreed: 2 });
  });

  it("refuses a threshold above 1 in both commands, with the same words", async () => {
    const file = await surveyFile();
    for (const command of ["agreement", "consensus"]) {
      const result = await run(command, file, "--coders", "Anna,Ben", "--threshold", "1.5");
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        `cairn ${command}: --threshold should be between 0 and 1, like 0.9, not "1.5"`,
      );
    }
  });
});
