/**
 * Wires the core together once per process: migrations, the recent-projects list, the
 * project session and the API handlers. Every transport (desktop IPC, browser mode,
 * tests) builds one of these and calls `call`.
 */
import type { ApiEventName, ApiEvents, ApiName, Capabilities } from "../../shared/api/contract.ts";
import type { Result } from "../../shared/api/errors.ts";
import { dispatch } from "./api/dispatch.ts";
import { createHandlers, type Handlers } from "./api/handlers.ts";
import { bundledMigrations } from "./db/migrations.ts";
import { ProjectBackups } from "./backup/backup-service.ts";
import { ExportJobs } from "./export/export-service.ts";
import { ImportJobs } from "./import/import-service.ts";
import { userDataDir } from "./paths.ts";
import { UserPreferences } from "./services/preferences.ts";
import { ProjectSession } from "./services/project-session.ts";
import { RecentProjects } from "./services/recent-projects.ts";

export interface CoreOptions {
  readonly shell: Capabilities["shell"];
  readonly userDataDir?: string;
  readonly now?: () => Date;
  /** Back the project up on open and every few minutes of changes (the app, not the CLI). */
  readonly autoBackup?: boolean;
}

export interface Core {
  readonly session: ProjectSession;
  readonly recent: RecentProjects;
  readonly handlers: Handlers;
  readonly imports: ImportJobs;
  readonly exports: ExportJobs;
  readonly backups: ProjectBackups;
  call(name: ApiName | string, input: unknown): Promise<Result<unknown>>;
  /** Every event for the renderer (project changes, import progress). */
  onEvent(listener: EventListener): () => void;
  /** Closes the open project, releasing its lock. */
  shutdown(): void;
}

export type EventListener = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

export const APP_VERSION = "0.1.0";

export function createCore(options: CoreOptions): Core {
  const migrations = bundledMigrations();
  const recent = new RecentProjects(options.userDataDir ?? userDataDir());
  const session = new ProjectSession({
    migrations,
    recent,
    ...(options.now ? { now: options.now } : {}),
  });
  const listeners = new Set<EventListener>();
  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  session.onChange((summary) => emit("project.changed", summary));
  const imports = new ImportJobs(session, (progress) => emit("import.progress", progress));
  const exports = new ExportJobs(
    session,
    (progress) => emit("export.progress", progress),
    options.now,
  );
  const backups = new ProjectBackups({
    session,
    automatic: options.autoBackup ?? false,
    ...(options.now ? { now: options.now } : {}),
  });
  const handlers = createHandlers({
    session,
    recent,
    imports,
    exports,
    preferences: new UserPreferences(options.userDataDir ?? userDataDir()),
    backups,
    onEdited: ({ answerIds, codebookChanged, summaryChanged }) => {
      backups.noteEdited();
      emit("project.edited", { answerIds, codebookChanged, summaryChanged });
    },
    ...(options.now ? { now: options.now } : {}),
    capabilities: {
      shell: options.shell,
      nativeMenus: options.shell === "desktop",
      version: APP_VERSION,
    },
  });
  return {
    session,
    recent,
    handlers,
    imports,
    exports,
    backups,
    call: (name, input) => dispatch(handlers, name, input),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    shutdown: () => {
      imports.cancel();
      exports.cancel();
      backups.stop();
      session.close({ force: true });
    },
  };
}
