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
import { codeTree } from "../db/codes.ts";
import { listAnswers } from "../services/answers.ts";
import type { ProjectSession } from "../services/project-session.ts";
import type { RecentProjects } from "../services/recent-projects.ts";

export type Handlers = {
  readonly [N in ApiName]: (input: ApiParsedInput<N>) => ApiOutput<N>;
};

export interface HandlerDeps {
  readonly session: ProjectSession;
  readonly recent: RecentProjects;
  readonly capabilities: Capabilities;
}

export function createHandlers({ session, recent, capabilities }: HandlerDeps): Handlers {
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
  };
}
