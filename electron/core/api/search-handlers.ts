/**
 * The core's handlers for the search part of the API (shared/api/search-api.ts).
 */
import type { searchApi } from "../../../shared/api/search-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { QuestionId } from "../../../shared/domain.ts";
import type { Db } from "../db/project-file.ts";
import { questionExists } from "../db/questions.ts";
import { applyAutocode, previewAutocode } from "../search/autocode-service.ts";
import { runSearch } from "../search/search-service.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type SearchHandlers = Pick<Handlers, keyof typeof searchApi>;

export function searchHandlers(context: HandlerContext): SearchHandlers {
  const { session } = context;
  /** The open project, once the question searched in is known to be in it. */
  const searchable = (questionId: QuestionId | undefined): Db => {
    const db = session.db();
    if (questionId !== undefined && !questionExists(db, questionId)) {
      throw new CairnError("not_found", `question ${questionId} does not exist in this project`);
    }
    return db;
  };
  return {
    "search.run": (input) => runSearch(searchable(input.questionId), input),
    "autocode.preview": (input) => previewAutocode(searchable(input.questionId), input),
    "autocode.apply": (input) => {
      searchable(input.questionId);
      return context.edit((db) => applyAutocode(db, input, context.now()));
    },
  };
}
