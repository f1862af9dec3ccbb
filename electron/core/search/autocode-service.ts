/**
 * Auto-coding from a search: each hit's passage (the hit, its sentence, or the whole
 * answer) coded with one code for one coder, in one undoable step. The preview and the
 * apply compute the passages with the same function, so what is applied is exactly what
 * was previewed, less the hits the user unchecked.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { ApiParsedInput } from "../../../shared/api/contract.ts";
import {
  MAX_AUTOCODE,
  type AutocodePassage,
  type AutocodePreview,
  type AutocodeScope,
} from "../../../shared/api/search-api.ts";
import { codePathKey } from "../../../shared/codes/names.ts";
import type { AnswerId, CodeId, CoderId } from "../../../shared/domain.ts";
import type { Span } from "../../../shared/search/match.ts";
import { sentenceBounds } from "../../../shared/search/passages.ts";
import { snapToGraphemes } from "../../../shared/text/selection.ts";
import type { EditOutcome } from "../coding/edit-outcome.ts";
import { NO_CHANGE, recordStep } from "../coding/history.ts";
import { resolveCode, type CodeRef } from "../coding/targets.ts";
import { ensureCoder, findCoder } from "../db/coders.ts";
import { codeIdsByPath, getCode } from "../db/codes.ts";
import type { Db } from "../db/project-file.ts";
import { passageCovered } from "../db/search-candidates.ts";
import { mergeSegment } from "../db/segments.ts";
import { foundHits, search, toSearchHit } from "./search-service.ts";

type PreviewInput = ApiParsedInput<"autocode.preview">;
type ApplyInput = ApiParsedInput<"autocode.apply">;

/** The passages for every hit (up to MAX_AUTOCODE), marked when the coder has them coded. */
export function previewAutocode(db: Db, input: PreviewInput): AutocodePreview {
  const codeId = input.code === undefined ? undefined : existingCodeId(db, input.code);
  const coderId = input.coder === undefined ? undefined : findCoder(db, input.coder);
  return autocodePassages(db, input, codeId, coderId);
}

export function applyAutocode(
  db: Db,
  input: ApplyInput,
  now: string,
): EditOutcome & { coded: number; codeId: CodeId } {
  const code = resolveCode(db, input.code);
  const preview = autocodePassages(
    db,
    input,
    existingCodeId(db, input.code),
    findCoder(db, input.coder),
  );
  if (preview.passages.length === 0) {
    throw new CairnError("bad_input", "the search finds nothing to code");
  }
  const skip = new Set(input.skip);
  const checked = preview.passages.filter((p) => !skip.has(p.key));
  if (checked.length === 0) {
    // Nothing to code: no step, and no new code left empty in the codebook.
    throw new CairnError("bad_input", "every hit is unchecked: check the ones to code");
  }
  const passages = distinctPassages(checked.filter((p) => !p.alreadyCoded));
  const label = `Auto-code ${passages.length} passage${passages.length === 1 ? "" : "s"} with ${code.name}`;
  return recordStep(db, label, now, () => {
    const codeId = code.idInStep();
    const coderId = ensureCoder(db, input.coder);
    for (const passage of passages) {
      mergeSegment(db, {
        answerId: passage.hit.answerId,
        codeId,
        coderId,
        start: passage.start,
        end: passage.end,
        memo: "",
        createdAt: now,
      });
    }
    const answerIds = [...new Set<AnswerId>(passages.map((p) => p.hit.answerId))];
    return { ...NO_CHANGE, answerIds, codeId, coded: passages.length };
  });
}

/** The one computation behind preview and apply. */
function autocodePassages(
  db: Db,
  input: PreviewInput,
  codeId: CodeId | undefined,
  coderId: CoderId | undefined,
): AutocodePreview {
  const found = search(db, input);
  const passages = foundHits(db, found, 0, MAX_AUTOCODE).map(
    ({ answer, span }): AutocodePassage => {
      const { start, end } = passageOf(answer.text, span, input.scope);
      const covered =
        codeId !== undefined &&
        coderId !== undefined &&
        passageCovered(db, { answerId: answer.id, codeId, coderId, start, end });
      return {
        key: `${answer.id}:${span.start}`,
        hit: toSearchHit({ answer, span }),
        start,
        end,
        text: answer.text.slice(start, end),
        alreadyCoded: covered,
      };
    },
  );
  return { passages, truncated: found.hits > MAX_AUTOCODE };
}

/** The passage a hit codes, on whole characters (a regex may stop inside an emoji). */
export function passageOf(text: string, hit: Span, scope: AutocodeScope): Span {
  switch (scope) {
    case "hit":
      return snapToGraphemes(text, hit.start, hit.end);
    case "sentence": {
      const sentence = sentenceBounds(text, hit.start, hit.end);
      return snapToGraphemes(text, sentence.start, sentence.end);
    }
    case "answer":
      return { start: 0, end: text.length };
  }
}

/** Two hits in one sentence code that sentence once. */
function distinctPassages(passages: readonly AutocodePassage[]): AutocodePassage[] {
  const seen = new Set<string>();
  return passages.filter((p) => {
    const key = `${p.hit.answerId}:${p.start}:${p.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The code a reference names if it exists; a path not created yet names none. */
function existingCodeId(db: Db, ref: CodeRef): CodeId | undefined {
  if ("id" in ref) {
    if (!getCode(db, ref.id))
      throw new CairnError("not_found", `code ${ref.id} is not in this project`);
    return ref.id;
  }
  return codeIdsByPath(db).get(codePathKey(ref.path));
}
