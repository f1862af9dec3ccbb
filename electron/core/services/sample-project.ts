/**
 * The built-in sample project: an invented network survey with a codebook and one
 * coder's segments, so a first start shows a project that reads like real work.
 * The data file names each segment by the passage it covers rather than by offsets,
 * which keeps it readable and editable; offsets are computed here.
 */
import { z } from "zod";
import { CairnError } from "../../../shared/api/errors.ts";
import { detectAnswerStatus } from "../../../shared/answers/status.ts";
import type { AnswerId, CodeId, QuestionId, RespondentId } from "../../../shared/domain.ts";
import { insertAnswer } from "../db/answers.ts";
import { insertCode } from "../db/codes.ts";
import { ensureCoder } from "../db/coders.ts";
import { setMeta } from "../db/meta.ts";
import type { Db } from "../db/project-file.ts";
import { insertQuestion } from "../db/questions.ts";
import { ensureAttribute, insertRespondent, setRespondentAttribute } from "../db/respondents.ts";
import { insertSegment } from "../db/segments.ts";
import sampleJson from "../sample/sample-project.json" with { type: "json" };

interface SampleCode {
  name: string;
  color: string;
  description: string;
  children: SampleCode[];
}

const sampleCode: z.ZodType<SampleCode> = z.lazy(() =>
  z.object({
    name: z.string().min(1),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    description: z.string(),
    children: z.array(sampleCode),
  }),
);

const sampleSchema = z.object({
  name: z.string().min(1),
  attributes: z.array(z.string().min(1)),
  questions: z.array(z.object({ label: z.string(), text: z.string(), part: z.string() })),
  respondents: z.array(
    z.object({
      id: z.string().min(1),
      attributes: z.record(z.string(), z.string()),
      answers: z.record(z.string(), z.string()),
    }),
  ),
  codes: z.array(sampleCode),
  coder: z.string().min(1),
  segments: z.array(
    z.object({
      respondent: z.string(),
      question: z.string(),
      code: z.array(z.string()).min(1),
      quote: z.string().min(1),
      occurrence: z.number().int().min(1).default(1),
      memo: z.string().optional(),
    }),
  ),
});

export type SampleData = z.infer<typeof sampleSchema>;

export function sampleData(): SampleData {
  return sampleSchema.parse(sampleJson);
}

/** Writes the sample into an empty project, in one transaction. */
export function writeSampleProject(db: Db, createdAt: string, data = sampleData()): void {
  db.transaction(() => {
    setMeta(db, "name", data.name);

    const questionIds = new Map<string, QuestionId>();
    for (const q of data.questions) {
      questionIds.set(
        q.label,
        insertQuestion(db, { label: q.label, text: q.text, section: q.part }),
      );
    }

    const attributeIds = new Map(data.attributes.map((name) => [name, ensureAttribute(db, name)]));
    const answerIds = new Map<string, { id: AnswerId; text: string }>();
    for (const respondent of data.respondents) {
      const respondentId: RespondentId = insertRespondent(db, respondent.id);
      for (const [name, value] of Object.entries(respondent.attributes)) {
        const attributeId = attributeIds.get(name) ?? ensureAttribute(db, name);
        setRespondentAttribute(db, respondentId, attributeId, value);
      }
      for (const [label, questionId] of questionIds) {
        const text = respondent.answers[label] ?? "";
        const answerId = insertAnswer(db, {
          respondentId,
          questionId,
          text,
          status: detectAnswerStatus(text),
        });
        answerIds.set(`${respondent.id}\u0000${label}`, { id: answerId, text });
      }
    }

    const codeIds = new Map<string, CodeId>();
    const addCodes = (codes: readonly SampleCode[], parentId: CodeId | null, path: string[]) => {
      for (const code of codes) {
        const codePath = [...path, code.name];
        const id = insertCode(db, {
          parentId,
          name: code.name,
          color: code.color,
          description: code.description,
        });
        codeIds.set(codePath.join(">"), id);
        addCodes(code.children, id, codePath);
      }
    };
    addCodes(data.codes, null, []);

    const coderId = ensureCoder(db, data.coder);
    for (const segment of data.segments) {
      const answer = answerIds.get(`${segment.respondent}\u0000${segment.question}`);
      const codeId = codeIds.get(segment.code.join(">"));
      if (!answer || codeId === undefined) {
        throw new CairnError(
          "internal",
          `sample: segment for ${segment.respondent}/${segment.question} names an unknown answer or code`,
        );
      }
      const start = nthIndexOf(answer.text, segment.quote, segment.occurrence);
      if (start < 0) {
        throw new CairnError(
          "internal",
          `sample: "${segment.quote.slice(0, 40)}" is not in ${segment.respondent}/${segment.question}`,
        );
      }
      insertSegment(db, {
        answerId: answer.id,
        codeId,
        coderId,
        start,
        end: start + segment.quote.length,
        memo: segment.memo ?? "",
        createdAt,
      });
    }
  })();
}

function nthIndexOf(text: string, needle: string, occurrence: number): number {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) return -1;
  }
  return index;
}
