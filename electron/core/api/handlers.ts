/**
 * The core's implementation of every entry of the API contract. Each handler gets the
 * input already validated against the contract's schema.
 */
import type {
  ApiName,
  ApiOutput,
  ApiParsedInput,
  Capabilities,
} from "../../../shared/api/contract.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import { getAnswer, setAnswerStatus } from "../db/answers.ts";
import { codeTree } from "../db/codes.ts";
import { inspectImport, type ImportJobs } from "../import/import-service.ts";
import { listAnswers } from "../services/answers.ts";
import type { ProjectSession } from "../services/project-session.ts";
import type { RecentProjects } from "../services/recent-projects.ts";

export type Handlers = {
  readonly [N in ApiName]: (input: ApiParsedInput<N>) => ApiOutput<N> | Promise<ApiOutput<N>>;
};

export interface HandlerDeps {
  readonly session: ProjectSession;
  readonly recent: RecentProjects;
  readonly capabilities: Capabilities;
  readonly imports: ImportJobs;
}

export function createHandlers({ session, recent, capabilities, imports }: HandlerDeps): Handlers {
  return {
    "app.capabilities": () => capabilities,

    "project.current": () => session.currentSummary(),
    "project.open": ({ path }) => session.open(path),
    "project.create": ({ path, sample }) => session.create(path, { sample: sample ?? false }),
    "project.close": () => {
      session.close();
      return null;
    },
    "project.saveCopy": ({ path }) => ({ path: session.saveCopy(path) }),
    "project.recent": () => recent.list(),

    "codes.tree": () => codeTree(session.db()),

    "answers.list": ({ questionId, offset, limit }) =>
      listAnswers(session.db(), questionId, offset, limit),
    "answers.setStatus": ({ answerId, status }) => {
      // During an import the change would join its transaction, and be undone with it.
      session.assertIdle();
      const db = session.db();
      const answer = getAnswer(db, answerId);
      if (!answer) throw new CairnError("not_found", "that answer is not in this project");
      if (answer.text.trim() === "") {
        throw new CairnError("bad_input", "a blank answer stays blank: there is nothing to mark");
      }
      setAnswerStatus(db, answerId, status);
      session.notifyChanged();
      return { id: answerId, status };
    },
    "import.inspect": ({ source, coder }) => inspectImport(source, coder ? { coder } : {}),
    "import.run": (request) => {
      session.db(); // fails clearly when no project is open
      return imports.run(request);
    },
    "import.cancel": () => ({ cancelled: imports.cancel() }),
  };
}
