/**
 * A coder working from the command line marks their answers done with `cairn done`, so
 * `cairn agreement` compares them (it compares only answers every coder marked done).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cairnInProcess as run, cairnJson } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

async function sample(): Promise<string> {
  const file = join(tempDir(), "survey.cairn");
  expect((await run("demo", file)).status).toBe(0);
  return file;
}

/** How many Q2 answers `cairn agreement` compares for Aoife and Ben. */
async function comparedAnswers(file: string): Promise<number> {
  const report = await cairnJson<{ answers: number }>(
    "agreement",
    file,
    "--coders",
    "Aoife,Ben",
    "--question",
    "Q2",
    "--resamples",
    "0",
  );
  return report.answers;
}

describe("cairn done", () => {
  it("marks a whole question, or some respondents' answers, and agreement follows", async () => {
    const file = await sample();
    await run(
      "code",
      file,
      "--coder",
      "Ben",
      "--respondent",
      "ORG-01",
      "--question",
      "Q2",
      "--code",
      "Victim safety",
    );
    expect(await comparedAnswers(file)).toBe(0);

    const whole = await run("done", file, "--coder", "Aoife", "--question", "Q2");
    expect(whole).toMatchObject({
      status: 0,
      stdout: "Aoife: the whole of Q2 Risk and safety marked done\n",
    });
    const some = await cairnJson(
      "done",
      file,
      "--coder",
      "ben",
      "--question",
      "2",
      "--respondent",
      "ORG-01",
      "--respondent",
      "ORG-02",
    );
    expect(some).toEqual({
      coder: "ben",
      question: "Q2 Risk and safety",
      respondents: ["ORG-01", "ORG-02"],
      done: true,
    });

    expect(await comparedAnswers(file)).toBe(2);

    const undone = await run(
      "done",
      file,
      "--coder",
      "Ben",
      "--question",
      "Q2",
      "--respondent",
      "ORG-02",
      "--not",
    );
    expect(undone.stdout).toBe("Ben: ORG-02's answers to Q2 Risk and safety marked not done\n");
    expect(await comparedAnswers(file)).toBe(1);
  });

  it("refuses an unknown respondent or question in one line, changing nothing", async () => {
    const file = await sample();
    const noOne = await run(
      "done",
      file,
      "--coder",
      "Ben",
      "--question",
      "Q2",
      "--respondent",
      "ORG-99",
    );
    expect(noOne.status).toBe(1);
    expect(noOne.stderr).toBe("cairn done: no respondent ORG-99 in survey.cairn\n");
    const noQuestion = await run("done", file, "--coder", "Ben", "--question", "Q99");
    expect(noQuestion.status).toBe(1);
    expect(noQuestion.stderr.split("\n")).toHaveLength(2);
    const missing = await run("done", file, "--question", "Q2");
    expect(missing).toMatchObject({ status: 2, stderr: "cairn done: --coder is required\n" });
  });
});
