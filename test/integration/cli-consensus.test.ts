/**
 * `cairn consensus FILE --coders A,B [--question Q ...] [--json]`: the review queue of
 * two coders (issue 7). Without a review it shows the queue one would have and leaves
 * the file as it was; `--start` and `--decide N=CHOICE` write as the app does.
 */
import { describe, expect, it } from "vitest";
import { cairn, cairnInProcess as run } from "../helpers/cli.ts";
import { newSession, snapshot } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { reviewSurvey } from "./review-survey.ts";

const tempDir = useTempDir();

function contents(path: string): string {
  const session = newSession();
  session.openFile(path);
  try {
    return snapshot(session.db());
  } finally {
    session.close();
  }
}

const QUEUE = [
  {
    index: 1,
    respondent: "R1",
    question: "Q1",
    code: ["Lighting"],
    kind: "segment",
    a: [[35, 50]],
    b: [[30, 50]],
    decision: null,
    comment: "",
  },
  {
    index: 2,
    respondent: "R2",
    question: "Q1",
    code: ["Lighting"],
    kind: "answer",
    a: [[23, 39]],
    b: [],
    decision: null,
    comment: "",
  },
  {
    index: 3,
    respondent: "R3",
    question: "Q1",
    code: ["Other", "Praise"],
    kind: "answer",
    a: [],
    b: [[0, 22]],
    decision: null,
    comment: "",
  },
];

describe("cairn consensus", () => {
  it("shows the queue a review would have without changing the file", async () => {
    const dir = tempDir();
    const { path } = await reviewSurvey(dir);
    const before = contents(path);
    const result = await run("consensus", path, "--coders", "Anna,Ben", "--json");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      coders: ["Anna", "Ben"],
      consensus: "consensus",
      questions: ["Q1", "Q2"],
      threshold: 0.9,
      started_at: null,
      total: 3,
      decided: 0,
      agreed: 3,
      items: QUEUE,
    });
    expect(contents(path)).toBe(before);
  });

  it("starts a review, settles items and shows the progress", async () => {
    const dir = tempDir();
    const { path } = await reviewSurvey(dir);
    const started = await run("consensus", path, "--coders", "anna,ben", "--start", "--json");
    expect(started.stderr).toBe("");
    expect(JSON.parse(started.stdout)).toMatchObject({ started_at: expect.any(String), total: 3 });

    const decided = await run(
      "consensus",
      path,
      "--coders",
      "Ben,Anna",
      "--decide",
      "3=b",
      "--comment",
      "praise it is",
      "--json",
    );
    expect(decided.stderr).toBe("");
    const queue = JSON.parse(decided.stdout);
    // The review keeps its own order of coders (Anna, Ben) whichever way they are named.
    expect(queue).toMatchObject({ coders: ["Anna", "Ben"], decided: 1, total: 3 });
    expect(queue.items[2]).toEqual({ ...QUEUE[2], decision: "b", comment: "praise it is" });

    const text = await run("consensus", path, "--coders", "Anna,Ben");
    expect(text.stdout).toContain("1 of 3 decided");
    expect(text.stdout).toContain(
      '3. R3 Q1 Other>Praise (answer): Anna - | Ben 0-22 → keep Ben "praise it is"',
    );
  });

  it("limits the queue to the questions named", async () => {
    const dir = tempDir();
    const { path } = await reviewSurvey(dir);
    const result = await run(
      "consensus",
      path,
      "--coders",
      "Anna,Ben",
      "--question",
      "Q2",
      "--json",
    );
    expect(JSON.parse(result.stdout)).toMatchObject({
      questions: ["Q2"],
      total: 0,
      agreed: 1,
      items: [],
    });
  });

  it("says what is wrong in one line", async () => {
    const dir = tempDir();
    const { path } = await reviewSurvey(dir);
    const unknown = cairn(["consensus", path, "--coders", "Anna,Cleo", "--json"], dir);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    expect(unknown.stderr).toContain('no coder "Cleo"');

    const one = await run("consensus", path, "--coders", "Anna");
    expect(one.status).toBe(2);
    expect(one.stderr).toContain("--coders A,B");

    const notStarted = await run("consensus", path, "--coders", "Anna,Ben", "--decide", "1=a");
    expect(notStarted.status).toBe(2);
    expect(notStarted.stderr).toContain("--start");
  });
});
