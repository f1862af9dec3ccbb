/**
 * The one API of Cairn: every operation the UI (or a test, or a script) can ask the core
 * for, as a map from `domain.verb` to its input schema and result type. The desktop IPC
 * bridge, the browser-mode HTTP server and the renderer's client are all derived from it,
 * so a call's name, input and result are checked at compile time on both sides and the
 * input is validated at run time where it crosses a process boundary.
 */
import { z } from "zod";
import {
  type AnswerId,
  type AnswerPage,
  type AnswerRow,
  type CodeId,
  type CodeNode,
  type HistoryState,
  type ProjectEdit,
  type ProjectSummary,
  type RespondentId,
  type SegmentId,
} from "../domain.ts";
import { answerFilterSchema, answerSortSchema } from "./answer-filter.ts";
import { agreementApi } from "./agreement-api.ts";
import { codeColor, codebookApi } from "./codebook-api.ts";
import { exportApi, type ExportProgress } from "./export-api.ts";
import { retrievalApi } from "./retrieval-api.ts";
import { safetyApi } from "./safety-api.ts";
import {
  answerId,
  codeName,
  codePath,
  codeRef,
  coderName,
  entry,
  filePath,
  memoText,
  nothing,
  offset,
  questionId,
  respondentId,
  segmentId,
  codeId,
} from "./schemas.ts";
import { searchApi } from "./search-api.ts";
import { tallyApi } from "./tally-api.ts";
import type { ImportInspection, ImportProgress } from "../import/inspection.ts";
import {
  CONFLICT_POLICIES,
  conflictDecisionSchema,
  importMappingSchema,
  importSourceSchema,
  type ImportReport,
} from "../import/mapping.ts";

export interface Capabilities {
  /** Which shell the renderer runs in; only menus and dialogs differ between them. */
  readonly shell: "desktop" | "browser";
  /** The desktop shell has a native File menu and file dialogs; browser mode does not. */
  readonly nativeMenus: boolean;
  readonly version: string;
}

export interface Preferences {
  /** Who codes on this machine; every segment records it. */
  readonly coder: string | null;
  /** Blind mode: this coder sees only their own segments and figures (decision 0015). */
  readonly blind: boolean;
}

export interface RecentProject {
  readonly path: string;
  readonly exists: boolean;
}

export const MAX_PAGE = 500;

/** One respondent in the list of respondents, with their attribute values. */
export interface RespondentListing {
  readonly respondentId: RespondentId;
  /** The id the survey gave them ("ORG-03"). */
  readonly respondent: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface RespondentPage {
  /** Respondents that match the search (all of them without one). */
  readonly total: number;
  readonly rows: readonly RespondentListing[];
}

/** A value an attribute takes, and how many respondents have it. */
export interface AttributeValueCount {
  readonly value: string;
  readonly respondents: number;
}

export interface AttributeValues {
  /** In natural order: numbers by value ("9" before "12", "Zone 2" before "Zone 10"). */
  readonly values: readonly AttributeValueCount[];
  /** How many distinct values there are; more than `values` holds when it was cut short. */
  readonly distinct: number;
  /** True when there were more values than a list can show. */
  readonly truncated: boolean;
}

export const api = {
  "app.capabilities": entry<Capabilities>()(nothing),

  "project.current": entry<ProjectSummary | null>()(nothing),
  "project.open": entry<ProjectSummary>()(z.object({ path: filePath }).strict()),
  "project.create": entry<ProjectSummary>()(
    z.object({ path: filePath, sample: z.boolean().optional() }).strict(),
  ),
  "project.close": entry<null>()(nothing),
  "project.saveCopy": entry<{ path: string }>()(z.object({ path: filePath }).strict()),
  "project.recent": entry<readonly RecentProject[]>()(nothing),

  /** Settings of this machine's user, kept outside any project (the coder's name). */
  "preferences.get": entry<Preferences>()(nothing),
  "preferences.set": entry<Preferences>()(
    z.object({ coder: coderName.nullable().optional(), blind: z.boolean().optional() }).strict(),
  ),

  "codes.tree": entry<readonly CodeNode[]>()(nothing),
  /** Creates a code (and any missing parents on its path); undoable. */
  "codes.create": entry<ProjectEdit & { codeId: CodeId }>()(
    z
      .object({
        path: codePath,
        color: codeColor.optional(),
      })
      .strict(),
  ),
  "codes.rename": entry<ProjectEdit>()(z.object({ codeId, name: codeName }).strict()),
  /** The codes on the number keys 1-9, in order; kept in the project. */
  "codes.pinned": entry<readonly CodeId[]>()(nothing),
  "codes.setPinned": entry<readonly CodeId[]>()(
    z.object({ codeIds: z.array(codeId).max(9) }).strict(),
  ),

  "answers.list": entry<AnswerPage>()(
    z
      .object({
        /** One question's answers, or (respondentId) all answers of one respondent. */
        questionId: questionId.optional(),
        respondentId: respondentId.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(MAX_PAGE).default(200),
        sort: answerSortSchema.optional(),
        filter: answerFilterSchema.optional(),
      })
      .strict()
      .refine((q) => (q.questionId === undefined) !== (q.respondentId === undefined), {
        message: "show either a question or a respondent",
      }),
  ),
  /**
   * Where an answer stands (0 first) in a list as `answers.list` would show it, or null
   * when the filter leaves it out: the grid scrolls there to show a search hit.
   */
  "answers.locate": entry<{ index: number | null }>()(
    z
      .object({
        answerId,
        questionId: questionId.optional(),
        respondentId: respondentId.optional(),
        sort: answerSortSchema.optional(),
        filter: answerFilterSchema.optional(),
      })
      .strict()
      .refine((q) => (q.questionId === undefined) !== (q.respondentId === undefined), {
        message: "show either a question or a respondent",
      }),
  ),
  /**
   * The project's respondents in their order, a page at a time; `search` keeps those whose
   * id contains it, whatever the case.
   */
  "respondents.list": entry<RespondentPage>()(
    z
      .object({
        search: z.string().max(200).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(MAX_PAGE).default(200),
      })
      .strict(),
  ),
  /** The values one attribute takes (blank ones aside), with their respondents' counts. */
  "attributes.values": entry<AttributeValues>()(
    z.object({ name: z.string().min(1).max(500) }).strict(),
  ),
  /** Fresh rows of the given answers (after an edit elsewhere). */
  "answers.get": entry<readonly AnswerRow[]>()(
    z.object({ answerIds: z.array(answerId).max(MAX_PAGE) }).strict(),
  ),
  /** The user's verdict on one answer: a real answer or a non-response placeholder. */
  "answers.setStatus": entry<ProjectEdit & { id: AnswerId; status: "answered" | "non_response" }>()(
    z.object({ answerId, status: z.enum(["answered", "non_response"]) }).strict(),
  ),

  /**
   * Codes a passage (start/end, UTF-16, end exclusive; the whole answer without them)
   * for a coder. Overlapping or touching segments of the same code and coder merge.
   */
  "coding.apply": entry<ProjectEdit & { segmentId: SegmentId; codeId: CodeId }>()(
    z
      .object({
        answerId,
        code: codeRef,
        coder: coderName,
        start: offset.optional(),
        end: offset.optional(),
        memo: memoText.optional(),
      })
      .strict()
      .refine((c) => (c.start === undefined) === (c.end === undefined), {
        message: "give both start and end, or neither for the whole answer",
      }),
  ),
  /** Removes segments (a code from a passage). */
  "coding.remove": entry<ProjectEdit>()(
    z.object({ segmentIds: z.array(segmentId).min(1).max(1000) }).strict(),
  ),
  /** Gives a segment another code (merging with that code's segments it touches). */
  "coding.recode": entry<ProjectEdit & { segmentId: SegmentId }>()(
    z.object({ segmentId, code: codeRef }).strict(),
  ),
  /** Moves a segment's start and end (merging with segments it comes to touch). */
  "coding.adjust": entry<ProjectEdit & { segmentId: SegmentId }>()(
    z.object({ segmentId, start: offset, end: offset }).strict(),
  ),
  /** Sets a memo; empty text removes it. Answer and respondent memos are per coder. */
  "coding.setMemo": entry<ProjectEdit>()(
    z
      .object({
        target: z.union([
          z.object({ segmentId }).strict(),
          z.object({ answerId }).strict(),
          z.object({ respondentId }).strict(),
        ]),
        coder: coderName,
        text: memoText,
      })
      .strict(),
  ),
  /** A coder marks a whole question, or some of its answers, as done (or not). */
  "coding.markDone": entry<ProjectEdit>()(
    z
      .object({
        coder: coderName,
        questionId,
        answerIds: z.array(answerId).min(1).max(MAX_PAGE).optional(),
        done: z.boolean(),
      })
      .strict(),
  ),

  "history.state": entry<HistoryState>()(nothing),
  /** Undoes the last edit; `label` names it, null when there was nothing to undo. */
  "history.undo": entry<ProjectEdit & { label: string | null }>()(nothing),
  "history.redo": entry<ProjectEdit & { label: string | null }>()(nothing),

  /** Reads the start of a file to import: columns, preview, the guessed mapping. */
  "import.inspect": entry<ImportInspection>()(
    z.object({ source: importSourceSchema, coder: z.string().trim().min(1).optional() }).strict(),
  ),
  /** Imports into the open project; progress comes as `import.progress` events. */
  "import.run": entry<ImportReport>()(
    z
      .object({
        source: importSourceSchema,
        mapping: importMappingSchema,
        onConflict: z.enum(CONFLICT_POLICIES).default("fail"),
        decisions: z.array(conflictDecisionSchema).max(100_000).optional(),
      })
      .strict(),
  ),
  "import.cancel": entry<{ cancelled: boolean }>()(nothing),

  ...codebookApi,
  ...searchApi,
  ...retrievalApi,
  ...tallyApi,
  ...agreementApi,
  ...exportApi,
  ...safetyApi,
} as const;

export { ANSWER_SORTS, answerFilterSchema, answerSortSchema } from "./answer-filter.ts";
export type * from "./agreement-api.ts";
export type * from "./codebook-api.ts";
export type * from "./export-api.ts";
export type * from "./retrieval-api.ts";
export type * from "./safety-api.ts";
export type * from "./search-api.ts";
export type * from "./tally-api.ts";

export type Api = typeof api;
export type ApiName = keyof Api;
/** What a caller passes (defaults may be left out). */
export type ApiInput<N extends ApiName> = z.input<Api[N]["input"]>;
/** What a handler receives, after validation filled in the defaults. */
export type ApiParsedInput<N extends ApiName> = z.output<Api[N]["input"]>;
export type ApiOutput<N extends ApiName> = Api[N]["output"];

export const API_NAMES = Object.keys(api) as ApiName[];

export function isApiName(name: string): name is ApiName {
  return Object.hasOwn(api, name);
}

/** Events the core pushes to the renderer. */
export interface ApiEvents {
  /** The open project changed (opened, created, closed) or its content did. */
  "project.changed": ProjectSummary | null;
  /** A running import's progress, after each batch of rows. */
  "import.progress": ImportProgress;
  /** Desktop: the user chose files in File › Import answers…; the wizard opens on them. */
  "import.chosen": { readonly paths: readonly string[] };
  /**
   * Desktop: a project the shell tried to open (File › Open, the command line, the OS)
   * needs its password or is damaged; the window asks for the password or offers a backup.
   */
  "project.openFailed": {
    readonly path: string;
    readonly code: "password_required" | "damaged";
    readonly message: string;
  };
  /** An edit (coding, memo, undo...) changed these answers; panels update in place. */
  "project.edited": {
    readonly answerIds: readonly AnswerId[];
    readonly codebookChanged: boolean;
    readonly summaryChanged: boolean;
  };
  /** A running export's progress, after each batch of rows or sources. */
  "export.progress": ExportProgress;
  /** Desktop: a native menu item the window performs (Edit › Undo, File › Prepare…). */
  "menu.command": { readonly command: MenuCommand };
}
export type ApiEventName = keyof ApiEvents;

/** Native menu items whose work happens in the window. */
export type MenuCommand =
  | "undo"
  | "redo"
  | "prepare-coder"
  | "merge-coder"
  | "export"
  | "import-refi"
  | "restore-backup"
  | "password"
  | "pseudonymise";
export const API_EVENT_NAMES: readonly ApiEventName[] = [
  "project.changed",
  "import.progress",
  "export.progress",
  "import.chosen",
  "project.openFailed",
  "project.edited",
  "menu.command",
];
