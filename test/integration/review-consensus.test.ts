/**
 * Review and consensus through the core (issue 7, decision 0015): starting a review
 * copies what two coders coded alike to a consensus coder and records the figures
 * before review; the queue lists every other pair either coded.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Core } from "../../electron/core/core.ts";
import { latestReviewBefore } from "../../electron/core/db/reviews.ts";
import type { AgreementReport, ReviewItem, ReviewState } from "../../shared/api/agreement-api.ts";
import type { ProjectEdit } from "../../shared/domain.ts";
import type { Tally } from "../../shared/api/tally-api.ts";
import { coreValue } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { openCore, reviewSurvey, type ReviewSurvey } from "./review-survey.ts";

const tempDir = useTempDir();
let core: Core | null = null;
afterEach(() => {
  core?.shutdown();
  core = null;
});

async function opened(): Promise<{ core: Core; survey: ReviewSurvey; dir: string }> {
  const dir = tempDir();
  const survey = await reviewSurvey(dir);
  core = openCore(dir, survey.path);
  return { core, survey, dir };
}

type Started = ProjectEdit & { review: ReviewState };

async function start(core: Core, survey: ReviewSurvey, consensus?: string): Promise<Started> {
  return coreValue<Started>(
    await core.call("review.start", {
      coderIds: [survey.coder("Anna"), survey.coder("Ben")],
      ...(consensus && { consensus }),
    }),
  );
}

/** The consensus coder's segments as "R1/Q1 Safety 0-28", in a stable order. */
function consensusSegments(core: Core, name = "consensus"): string[] {
  return core.session
    .db()
    .prepare(
      `SELECT r.external_id || '/' || q.label || ' ' || c.name || ' ' || s.start || '-' || s."end"
           FROM segments s JOIN coders k ON k.id = s.coder_id
           JOIN answers a ON a.id = s.answer_id JOIN respondents r ON r.id = a.respondent_id
           JOIN questions q ON q.id = a.question_id JOIN codes c ON c.id = s.code_id
          WHERE k.name = ? ORDER BY q.position, r.position, c.name, s.start`,
    )
    .pluck()
    .all(name) as string[];
}

describe("starting a review", () => {
  it("copies the pairs both coders coded alike to the consensus, in one undoable step", async () => {
    const { core, survey } = await opened();
    const started = await start(core, survey);
    expect(started.history.undo).toBe("Start review of Anna and Ben");
    expect(started.review).toMatchObject({
      coders: [
        { id: survey.coder("Anna"), name: "Anna" },
        { id: survey.coder("Ben"), name: "Ben" },
      ],
      consensus: { name: "consensus" },
      questions: [{ label: "Q1" }, { label: "Q2" }],
      threshold: 0.9,
      startedAt: "2026-11-24T09:00:00.000Z",
      total: 3,
      decided: 0,
      agreed: 3,
      next: 0,
    });
    // Identical passages, 14/15 overlap (union 0-15), and the whole of Q2's answer.
    expect(consensusSegments(core)).toEqual([
      "R1/Q1 Safety 0-28",
      "R2/Q1 Transport 0-15",
      "R1/Q2 Transport 0-10",
    ]);

    const undone = coreValue<ProjectEdit & { label: string }>(await core.call("history.undo", {}));
    expect(undone.label).toBe("Start review of Anna and Ben");
    expect(consensusSegments(core)).toEqual([]);
    const coders = core.session.db().prepare("SELECT name FROM coders").pluck().all();
    expect(coders).toEqual(["Anna", "Ben"]);
    expect(
      coreValue(
        await core.call("review.state", { coderIds: [survey.coder("Anna"), survey.coder("Ben")] }),
      ),
    ).toBeNull();
  });

  it("records the agreement figures as they were when the review started", async () => {
    const { core, survey } = await opened();
    const scope = { coderIds: [survey.coder("Anna"), survey.coder("Ben")] };
    const report = coreValue<AgreementReport>(await core.call("agreement.get", scope));
    const started = await start(core, survey);
    expect(started.review.before).toEqual(report);
    // Four answers both have seen; R4's, which Ben has not, is left out.
    expect(report.answers).toBe(4);
    expect(report.answersNotSeen).toBe(1);
    const lighting = report.answerLevel.rows.find((row) => row.path.join(">") === "Lighting");
    expect(lighting).toMatchObject({ units: 4, both: 1, aOnly: 1, bOnly: 0, neither: 2 });

    // The figures after review change; the recorded ones do not.
    const item = coreValue<ReviewItem[]>(
      await core.call("review.items", { reviewId: started.review.reviewId, offset: 0, limit: 1 }),
    )[0]!;
    await core.call("review.decide", {
      reviewId: started.review.reviewId,
      answerId: item.answerId,
      codeId: item.codeId,
      decision: "both",
    });
    const state = coreValue<ReviewState>(await core.call("review.state", scope));
    expect(state.before).toEqual(report);
  });

  it("gives the export the figures before the latest review of the two coders", async () => {
    const { core, survey } = await opened();
    const db = core.session.db();
    const [anna, ben] = [survey.coder("Anna"), survey.coder("Ben")];
    expect(latestReviewBefore(db, [anna, ben])).toBeNull();
    const started = await start(core, survey);
    expect(latestReviewBefore(db, [ben, anna])).toEqual(started.review.before);
    expect(latestReviewBefore(db, [anna, ben, started.review.consensus.id])).toBeNull();
  });

  it("marks the consensus coder done on exactly the answers both coders have seen", async () => {
    const { core, survey } = await opened();
    const started = await start(core, survey);
    const marks = core.session
      .db()
      .prepare(
        `SELECT question_id, answer_id FROM done_marks WHERE coder_id = ? ORDER BY question_id, answer_id`,
      )
      .raw()
      .all(started.review.consensus.id);
    expect(marks).toEqual([
      [survey.question("Q1"), survey.answer("R1", "Q1")],
      [survey.question("Q1"), survey.answer("R2", "Q1")],
      [survey.question("Q1"), survey.answer("R3", "Q1")],
      // Q2 has one answered answer, seen by both: the whole question.
      [survey.question("Q2"), null],
    ]);
  });

  it("brings in answers both coders finish after it started, when it is resumed", async () => {
    const { core, survey } = await opened();
    await start(core, survey);
    // Ben reaches R4 later and codes it as Anna did.
    coreValue(
      await core.call("coding.apply", {
        answerId: survey.answer("R4", "Q1"),
        code: { path: ["Safety"] },
        coder: "Ben",
        start: 0,
        end: 20,
      }),
    );
    coreValue(
      await core.call("coding.markDone", {
        coder: "Ben",
        questionId: survey.question("Q1"),
        answerIds: [survey.answer("R4", "Q1")],
        done: true,
      }),
    );
    const resumed = await start(core, survey);
    expect(resumed.history.undo).toBe("Bring the review of Anna and Ben up to date");
    expect(resumed.review).toMatchObject({ total: 3, agreed: 4 });
    expect(consensusSegments(core)).toContain("R4/Q1 Safety 0-20");

    // Nothing new: resuming again writes nothing.
    const again = await start(core, survey);
    expect(again.history.undo).toBe("Bring the review of Anna and Ben up to date");
    expect(consensusSegments(core).filter((s) => s.startsWith("R4/"))).toEqual([
      "R4/Q1 Safety 0-20",
    ]);
  });

  it("copies a pair that became agreed after it started, when it is resumed", async () => {
    const { core, survey } = await opened();
    await start(core, survey);
    // Only Anna had Lighting on R2; Ben now codes the same passage.
    coreValue(
      await core.call("coding.apply", {
        answerId: survey.answer("R2", "Q1"),
        code: { path: ["Lighting"] },
        coder: "Ben",
        start: 23,
        end: 39,
      }),
    );
    const resumed = await start(core, survey);
    expect(resumed.history.undo).toBe("Bring the review of Anna and Ben up to date");
    expect(resumed.review).toMatchObject({ total: 2, agreed: 4 });
    expect(consensusSegments(core)).toContain("R2/Q1 Lighting 23-39");
  });

  it("refuses a consensus name that is one of the two coders", async () => {
    const { core, survey } = await opened();
    const result = await core.call("review.start", {
      coderIds: [survey.coder("Anna"), survey.coder("Ben")],
      consensus: " anna ",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "bad_input" } });
  });
});

describe("the review queue", () => {
  it("lists exactly the disagreements, in question, respondent and codebook order", async () => {
    const { core, survey } = await opened();
    const { review } = await start(core, survey);
    const items = coreValue<ReviewItem[]>(
      await core.call("review.items", { reviewId: review.reviewId, offset: 0, limit: 200 }),
    );
    expect(items).toEqual([
      {
        index: 0,
        answerId: survey.answer("R1", "Q1"),
        codeId: survey.code("Lighting"),
        path: ["Lighting"],
        respondent: "R1",
        questionId: survey.question("Q1"),
        question: "Q1",
        text: "Safety at night matters most. Also better lighting.",
        kind: "segment",
        a: [{ start: 35, end: 50 }],
        b: [{ start: 30, end: 50 }],
        decision: null,
        comment: "",
        consensus: [],
      },
      expect.objectContaining({
        index: 1,
        answerId: survey.answer("R2", "Q1"),
        path: ["Lighting"],
        kind: "answer",
        a: [{ start: 23, end: 39 }],
        b: [],
      }),
      expect.objectContaining({
        index: 2,
        answerId: survey.answer("R3", "Q1"),
        path: ["Other", "Praise"],
        kind: "answer",
        a: [],
        b: [{ start: 0, end: 22 }],
      }),
    ]);
    const page = coreValue<ReviewItem[]>(
      await core.call("review.items", { reviewId: review.reviewId, offset: 1, limit: 1 }),
    );
    expect(page.map((item) => item.index)).toEqual([1]);
  });

  it("follows the coders' coding when it changes after the review started", async () => {
    const { core, survey } = await opened();
    const { review } = await start(core, survey);
    const scope = { coderIds: [survey.coder("Anna"), survey.coder("Ben")] };
    expect(coreValue<ReviewState>(await core.call("review.state", scope)).total).toBe(3);
    // Anna takes back her Lighting on R2: that item leaves the queue.
    const segmentId = core.session
      .db()
      .prepare("SELECT id FROM segments WHERE answer_id = ? AND code_id = ? AND coder_id = ?")
      .pluck()
      .get(survey.answer("R2", "Q1"), survey.code("Lighting"), survey.coder("Anna"));
    coreValue(await core.call("coding.remove", { segmentIds: [segmentId] }));
    const state = coreValue<ReviewState>(await core.call("review.state", scope));
    expect(state).toMatchObject({ reviewId: review.reviewId, total: 2, agreed: 3 });
  });

  it("counts the consensus like any coder in the frequency tally", async () => {
    const { core, survey } = await opened();
    const { review } = await start(core, survey);
    const items = coreValue<ReviewItem[]>(
      await core.call("review.items", { reviewId: review.reviewId, offset: 0, limit: 200 }),
    );
    await core.call("review.decide", {
      reviewId: review.reviewId,
      answerId: items[0]!.answerId,
      codeId: items[0]!.codeId,
      decision: "a",
    });
    await core.call("review.decide", {
      reviewId: review.reviewId,
      answerId: items[1]!.answerId,
      codeId: items[1]!.codeId,
      decision: "a",
    });
    const tally = coreValue<Tally>(
      await core.call("tally.get", {
        coderId: review.consensus.id,
        questionId: survey.question("Q1"),
      }),
    );
    const figures = Object.fromEntries(
      tally.questions[0]!.codes.map((c) => [c.path.join(">"), [c.nRespondents, c.nSegments]]),
    );
    // Safety R1 (copied); Lighting R1 and R2 (decided); Transport R2 (copied).
    expect(figures).toMatchObject({ Safety: [1, 1], Lighting: [2, 2], Transport: [1, 1] });
    expect(figures["Other"] ?? [0, 0]).toEqual([0, 0]);
  });
});
