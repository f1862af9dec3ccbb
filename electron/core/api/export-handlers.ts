/**
 * The core's handlers for exports and REFI-QDA exchange (shared/api/export-api.ts).
 */
import { removeProjectFile } from "../db/project-file.ts";
import type { ExportJobs } from "../export/export-service.ts";
import { importRefiProject } from "../refi/import/refi-import-service.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type ExportHandlers = Pick<Handlers, "export.run" | "export.cancel" | "refi.import">;

export function exportHandlers(context: HandlerContext, exports: ExportJobs): ExportHandlers {
  const { session } = context;
  return {
    "export.run": (request) => {
      session.db(); // fails clearly when no project is open
      return exports.run(request);
    },
    "export.cancel": () => ({ cancelled: exports.cancel() }),
    "refi.import": async ({ path, project }) => {
      // A new project file: the one open now stays open if the import fails.
      const previous = session.currentSummary()?.path ?? null;
      session.create(project);
      try {
        const report = await session.exclusive("a REFI-QDA import", (db) =>
          importRefiProject(db, path, { now: context.now() }),
        );
        session.notifyChanged();
        return { report, summary: session.summary() };
      } catch (error) {
        session.close({ force: true });
        removeProjectFile(project);
        if (previous) session.open(previous);
        throw error;
      }
    },
  };
}
