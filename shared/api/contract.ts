/**
 * The one API of Cairn: every operation the UI (or a test, or a script) can ask the core
 * for, as a map from `domain.verb` to its input schema and result type. The desktop IPC
 * bridge, the browser-mode HTTP server and the renderer's client are all derived from it,
 * so a call's name, input and result are checked at compile time on both sides and the
 * input is validated at run time where it crosses a process boundary.
 */
import { z } from "zod";
import type { AnswerId, AnswerPage, CodeNode, ProjectSummary, QuestionId } from "../domain.ts";
import type { ImportInspection, ImportProgress } from "../import/inspection.ts";
import {
  CONFLICT_POLICIES,
  conflictDecisionSchema,
  importMappingSchema,
  importSourceSchema,
  type ImportReport,
} from "../import/mapping.ts";

/** Declares an entry: the result type is phantom, the input schema is real. */
function entry<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({
    input,
    output: undefined as unknown as Output,
  });
}

const nothing = z.object({}).strict();
/**
 * A full path: the core never guesses what a relative path is relative to (the server's
 * working folder is not the user's).
 */
const filePath = z
  .string()
  .trim()
  .min(1, "a file path is required")
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, "use a full path (starting with / or a drive letter)");
const questionId = z
  .number()
  .int()
  .positive()
  .transform((n) => n as QuestionId);

export interface Capabilities {
  /** Which shell the renderer runs in; only menus and dialogs differ between them. */
  readonly shell: "desktop" | "browser";
  /** The desktop shell has a native File menu and file dialogs; browser mode does not. */
  readonly nativeMenus: boolean;
  readonly version: string;
}

export interface RecentProject {
  readonly path: string;
  readonly exists: boolean;
}

export const MAX_PAGE = 500;

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

  "codes.tree": entry<readonly CodeNode[]>()(nothing),

  "answers.list": entry<AnswerPage>()(
    z
      .object({
        questionId,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(MAX_PAGE).default(200),
      })
      .strict(),
  ),
  /** The user's verdict on one answer: a real answer or a non-response placeholder. */
  "answers.setStatus": entry<{ id: AnswerId; status: "answered" | "non_response" }>()(
    z
      .object({
        answerId: z
          .number()
          .int()
          .positive()
          .transform((n) => n as AnswerId),
        status: z.enum(["answered", "non_response"]),
      })
      .strict(),
  ),
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
} as const;

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
}
export type ApiEventName = keyof ApiEvents;
export const API_EVENT_NAMES: readonly ApiEventName[] = [
  "project.changed",
  "import.progress",
  "import.chosen",
];
