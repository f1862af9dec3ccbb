/**
 * Cases a reviewer found by trying to break the import: each is a user's file that once
 * went wrong, and what must happen instead.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCore } from "../../electron/core/core.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import { labelFromHeader } from "../../shared/import/guess.ts";
import type { ImportMapping } from "../../shared/import/mapping.ts";
import { writeDocx } from "../helpers/docx.ts";
import { importFiles } from "../helpers/import.ts";
import { fixedClock, newSession, snapshot } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

function project() {
  const session = newSession();
  session.create(join(tempDir(), `p${Math.random().toString(36).slice(2)}.cairn`));
  return session;
}

function file(name: string, text: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

function attribute(db: Db, respondent: string, name: string): string | undefined {
  const row = db
    .prepare(
      `SELECT ra.value FROM respondent_attributes ra
         JOIN attributes a ON a.id = ra.attribute_id
         JOIN respondents r ON r.id = ra.respondent_id
        WHERE r.external_id = ? AND a.name = ?`,
    )
    .get(respondent, name) as { value: string } | undefined;
  return row?.value;
}

const LONG: Partial<ImportMapping> = {
  idColumn: "id",
  attributeColumns: ["Country"],
  questions: [],
  codeColumns: [],
  long: { questionColumn: "Question", answerColumn: "Answer" },
};

describe("a long export's attributes against the project's", () => {
  it("makes a changed value one conflict, and rows that agree no warning", async () => {
    const session = project();
    await importFiles(
      session,
      [file("w1.csv", "id,Country,Question,Answer\nR1,Ireland,Q1,Yes\n")],
      {
        mapping: LONG,
      },
    );
    const wave = file(
      "w2.csv",
      "id,Country,Question,Answer\nR1,,Q2,First\nR1,Eire,Q3,Second\nR1,Eire,Q4,Third\n",
    );
    const refused = (await importFiles(session, [wave], { mapping: LONG })).report;
    expect(refused.conflicts).toMatchObject([
      { kind: "attribute", respondent: "R1", existing: "Ireland", incoming: "Eire", line: 3 },
    ]);
    expect(refused.warnings).toEqual([]);

    const replaced = (await importFiles(session, [wave], { mapping: LONG, onConflict: "replace" }))
      .report;
    expect(replaced).toMatchObject({ applied: true, warnings: [] });
    expect(attribute(session.db(), "R1", "Country")).toBe("Eire");
    session.close();
  });

  it("refuses one row per answer without a respondent id column", async () => {
    const session = project();
    await expect(
      importFiles(session, [file("l.csv", "id,Country,Question,Answer\nR1,IE,Q1,Yes\n")], {
        mapping: { ...LONG, idColumn: null },
      }),
    ).rejects.toThrow("with one row per answer, choose the respondent id column");
    session.close();
  });
});

describe("guessing from headers", () => {
  it("does not take a column of answers headed 'Response' for the id", async () => {
    const session = project();
    const { inspection } = await importFiles(session, [
      file(
        "resp.csv",
        "ID,Question,Response\nA,Why?,Because of the staff\nA,Better?,Shorter waits\n" +
          "B,Why?,Kind nurses\nB,Better?,Parking\n",
      ),
    ]);
    expect(inspection.guess.idColumn).toBe("ID");
    expect(inspection.guess.long).toEqual({ questionColumn: "Question", answerColumn: "Response" });
    session.close();
  });

  it("shortens a header longer than a label may be, keeping it whole as the text", async () => {
    const header = `${"Thinking about the support you received, ".repeat(6)}what helped most?`;
    const session = project();
    const { inspection, report } = await importFiles(session, [
      file("long-header.csv", `id,"${header}"\nR1,Someone listened to me properly\n`),
    ]);
    const [question] = inspection.guess.questions;
    expect(question?.label).toBe(labelFromHeader(header));
    expect(question?.label.length).toBeLessThanOrEqual(200);
    expect(question?.label.endsWith("…")).toBe(true);
    expect(question?.text).toBe(header);
    expect(report.applied).toBe(true);
    session.close();
  });
});

describe("codes from a sheet", () => {
  it("are not put on an answer whose differing text the user kept", async () => {
    const session = project();
    await importFiles(session, [file("a.csv", "id,Why?\nR1,Old words entirely\n")]);
    const { report } = await importFiles(
      session,
      [file("b.csv", "id,Why?,Codes\nR1,New words entirely,Staff\n")],
      { coder: "Bob", onConflict: "keep" },
    );
    expect(report).toMatchObject({ applied: true, segments_added: 0, answers_unchanged: 1 });
    expect(report.warnings).toEqual([
      'codes in column "Codes" for answers whose text was kept were skipped (1 time, first at line 2)',
    ]);
    session.close();
  });

  it("refuses a code name holding '>' when another separator is used, naming the cell", async () => {
    const session = project();
    const before = snapshot(session.db());
    await expect(
      importFiles(session, [file("sep.csv", "id,Why?,Codes\nR1,Because,Safety->Risk>High\n")], {
        coder: "Ann",
        mapping: { codeSeparator: "->" },
      }),
    ).rejects.toThrow('sep.csv: line 2, column "Codes": the code name "Risk>High" contains ">"');
    expect(snapshot(session.db())).toBe(before);
    session.close();
  });
});

describe("text files", () => {
  it("names the line of the first byte that is not UTF-8, far into the file", async () => {
    const lines = ["id,Answer?"];
    for (let i = 1; i <= 3000; i++) lines.push(`R${i},plain ascii answer number ${i}`);
    const head = Buffer.from(lines.join("\n") + "\n");
    const tail = Buffer.from([0x52, 0x78, 0x2c, 0x63, 0x61, 0x66, 0xe9, 0x0a]); // "Rx,café" in cp1252
    const session = project();
    await expect(
      importFiles(session, [file("late.csv", Buffer.concat([head, tail]))]),
    ).rejects.toThrow(
      `late.csv is not valid UTF-8 at line 3002 (byte ${head.length + 6}); choose its encoding`,
    );
    session.close();
  });

  it("skips a line of spaces like a blank line", async () => {
    const session = project();
    const { report } = await importFiles(session, [
      file("ws.csv", "id,Why do you say that?\nR1,Because\n   \nR2,Therefore\n"),
    ]);
    expect(report.respondents_added).toBe(2);
    session.close();
  });

  it("matches a placeholder longer than forty characters", async () => {
    const placeholder = "I do not feel able to answer this question here";
    const session = project();
    const { report } = await importFiles(
      session,
      [file("ph.csv", `id,Why do you say that?\nR1,${placeholder}.\nR2,Because\n`)],
      { mapping: { nonResponses: [placeholder] } },
    );
    expect(report.non_responses).toBe(1);
    session.close();
  });
});

describe("Word forms", () => {
  it("name the two files that share a respondent id", async () => {
    const folder = join(tempDir(), "forms");
    mkdirSync(folder);
    for (const name of ["a_org", "b_org", "c_org"]) {
      await writeDocx(join(folder, `${name}.docx`), [
        { text: `Organisation: ${name === "c_org" ? "ORG1" : name === "a_org" ? "ORG1" : "ORG2"}` },
        { text: "1. What should change?" },
        { text: "Training" },
      ]);
    }
    const session = project();
    await expect(
      importFiles(session, [folder], { source: { idField: "Organisation" } }),
    ).rejects.toThrow('duplicate respondent id "ORG1" in a_org.docx and c_org.docx');
    session.close();
  });
});

describe("while an import runs", () => {
  it("refuses to change an answer's status, which the import would undo", async () => {
    const app = createCore({ shell: "browser", userDataDir: tempDir(), now: fixedClock });
    const dir = tempDir();
    await app.call("project.create", { path: join(dir, "s.cairn") });
    const small = file("small.csv", "id,Why do you say that?\nR1,n/a\n");
    await app.call("import.run", {
      source: { paths: [small] },
      mapping: {
        idColumn: "id",
        attributeColumns: [],
        questions: [{ column: "Why do you say that?", label: "Q", text: "Q" }],
        codeColumns: [],
        nonResponses: ["n/a"],
      },
    });
    const lines = ["id,Why do you say that?"];
    for (let i = 2; i < 60_000; i++) lines.push(`R${i},answer ${i}`);
    const big = file("big.csv", lines.join("\n"));
    const running = app.call("import.run", {
      source: { paths: [big] },
      mapping: {
        idColumn: "id",
        attributeColumns: [],
        questions: [{ column: "Why do you say that?", label: "Q", text: "Q" }],
        codeColumns: [],
        nonResponses: [],
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const answerId = (
      app.session.db().prepare("SELECT id FROM answers ORDER BY id LIMIT 1").get() as {
        id: number;
      }
    ).id;
    expect(await app.call("answers.setStatus", { answerId, status: "answered" })).toMatchObject({
      ok: false,
      error: { code: "busy" },
    });
    expect(await running).toMatchObject({ ok: true });
    app.shutdown();
  });
});
