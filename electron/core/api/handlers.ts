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
import type { ProjectEdit } from "../../../shared/domain.ts";
import { createCode, pinnedCodes, renameCode, setPinnedCodes } from "../coding/codebook-service.ts";
import {
  adjustSegment,
  applyCode,
  markDone,
  recodeSegment,
  removeSegments,
  setAnswerStatusUndoably,
  setMemo,
} from "../coding/coding-service.ts";
import type { EditOutcome } from "../coding/edit-outcome.ts";
import { historyState, redo, undo } from "../coding/history.ts";
import { attributeValuesByName } from "../db/attribute-values.ts";
import { codeTree } from "../db/codes.ts";
import { agreementHandlers } from "./agreement-handlers.ts";
import { coderFileHandlers } from "./coder-file-handlers.ts";
import { exportHandlers } from "./export-handlers.ts";
import { safetyHandlers } from "./safety-handlers.ts";
import type { ProjectBackups } from "../backup/backup-service.ts";
import { reviewHandlers } from "./review-handlers.ts";
import { codebookFileHandlers } from "./codebook-file-handlers.ts";
import { codebookHandlers } from "./codebook-handlers.ts";
import { retrievalHandlers } from "./retrieval-handlers.ts";
import { searchHandlers } from "./search-handlers.ts";
import { crosstabHandlers } from "./crosstab-handlers.ts";
import { tallyHandlers } from "./tally-handlers.ts";
import type { ExportJobs } from "../export/export-service.ts";
import { inspectImport, type ImportJobs } from "../import/import-service.ts";
import { answerRows, listAnswers, locateAnswer } from "../services/answers.ts";
import type { UserPreferences } from "../services/preferences.ts";
import type { ProjectSession } from "../services/project-session.ts";
import type { RecentProjects } from "../services/recent-projects.ts";
import type { Db } from "../db/project-file.ts";
import { listRespondents } from "../db/respondent-list.ts";

export type Handlers = {
  readonly [N in ApiName]: (input: ApiParsedInput<N>) => ApiOutput<N> | Promise<ApiOutput<N>>;
};

export interface HandlerDeps {
  readonly session: ProjectSession;
  readonly recent: RecentProjects;
  readonly capabilities: Capabilities;
  readonly imports: ImportJobs;
  readonly exports: ExportJobs;
  readonly preferences: UserPreferences;
  readonly backups: ProjectBackups;
  /** Tells other panels what an edit changed (the renderer's own call gets the rows). */
  readonly onEdited?: (outcome: EditOutcome) => void;
  readonly now?: () => Date;
}

export type Edited<T extends EditOutcome> = ProjectEdit & Omit<T, keyof EditOutcome>;

/** What the handlers of each part of the API (codebook, search...) work with. */
export interface HandlerContext {
  readonly session: ProjectSession;
  /** Runs an edit on the open project; answers with the rows it touched. */
  edit<T extends EditOutcome>(work: (db: Db) => T): Edited<T>;
  /** The time an edit records, as an ISO string. */
  now(): string;
}

/** The most rows an edit sends back; past it the renderer reloads what it shows. */
const MAX_EDITED_ROWS = 500;

export function createHandlers(deps: HandlerDeps): Handlers {
  const { session, recent, capabilities, imports, exports, preferences } = deps;
  const now = () => (deps.now ? deps.now() : new Date()).toISOString();

  /**
   * Runs an edit on the open project and answers with what it changed. Never during an
   * import: the edit would join the import's transaction, and be undone with it.
   */
  function edit<T extends EditOutcome>(work: (db: Db) => T): Edited<T> {
    session.assertIdle();
    const db = session.db();
    const outcome = work(db);
    deps.onEdited?.(outcome);
    const { answerIds, codebookChanged, summaryChanged, ...rest } = outcome;
    const many = answerIds.length > MAX_EDITED_ROWS;
    return {
      ...rest,
      answers: many ? [] : answerRows(db, answerIds),
      codebookChanged,
      summaryChanged,
      history: historyState(db),
      ...(many ? { reloadRows: true as const } : {}),
    };
  }
  const context: HandlerContext = { session, edit, now };

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

    "preferences.get": () => preferences.get(),
    "preferences.set": ({ coder, blind }) =>
      preferences.set({
        ...(coder === undefined ? {} : { coder }),
        ...(blind === undefined ? {} : { blind }),
      }),

    "codes.tree": () => codeTree(session.db()),
    "codes.create": ({ path, color }) => edit((db) => createCode(db, path, color, now())),
    "codes.rename": ({ codeId, name }) => edit((db) => renameCode(db, codeId, name, now())),
    "codes.pinned": () => pinnedCodes(session.db()),
    "codes.setPinned": ({ codeIds }) => {
      session.assertIdle();
      return setPinnedCodes(session.db(), codeIds);
    },

    "answers.list": (query) => listAnswers(session.db(), query),
    "answers.locate": (query) => ({ index: locateAnswer(session.db(), query) }),
    "answers.get": ({ answerIds }) => answerRows(session.db(), answerIds),
    "respondents.list": ({ search, offset, limit }) =>
      listRespondents(session.db(), search, offset, limit),
    "attributes.values": ({ name }) => attributeValuesByName(session.db(), name),
    "answers.setStatus": ({ answerId, status }) => ({
      ...edit((db) => setAnswerStatusUndoably(db, answerId, status, now())),
      id: answerId,
      status,
    }),

    "coding.apply": (input) => edit((db) => applyCode(db, input, now())),
    "coding.remove": ({ segmentIds }) => edit((db) => removeSegments(db, segmentIds, now())),
    "coding.recode": (input) => edit((db) => recodeSegment(db, input, now())),
    "coding.adjust": (input) => edit((db) => adjustSegment(db, input, now())),
    "coding.setMemo": (input) => edit((db) => setMemo(db, input, now())),
    "coding.markDone": (input) => edit((db) => markDone(db, input, now())),

    "history.state": () => historyState(session.db()),
    "history.undo": () => edit((db) => undo(db)),
    "history.redo": () => edit((db) => redo(db)),

    "import.inspect": ({ source, coder }) => inspectImport(source, coder ? { coder } : {}),
    "import.run": (request) => {
      session.db(); // fails clearly when no project is open
      return imports.run(request);
    },
    "import.cancel": () => ({ cancelled: imports.cancel() }),

    ...codebookHandlers(context),
    ...codebookFileHandlers(context),
    ...searchHandlers(context),
    ...retrievalHandlers(context),
    ...tallyHandlers(context),
    ...crosstabHandlers(context),
    ...agreementHandlers(context),
    ...reviewHandlers(context),
    ...coderFileHandlers(context),
    ...exportHandlers(context, exports),
    ...safetyHandlers(context, deps.backups),
  };
}
