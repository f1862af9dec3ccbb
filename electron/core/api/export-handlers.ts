/**
 * The core's handlers for exports and REFI-QDA exchange (shared/api/export-api.ts).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import { removeProjectFile } from "../db/project-file.ts";
import type { ExportJobs } from "../export/export-service.ts";
import { importRefiModel } from "../refi/import/refi-import-service.ts";
import { readQdpx } from "../refi/read/refi-read.ts";
import type { ProjectSession } from "../services/project-session.ts";
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
      const target = resolve(project);
      // Refused and read before the new project is made: a taken name or a file that
      // cannot be read leaves the open project as it is (not closed and reopened).
      if (existsSync(target)) {
        throw new CairnError("bad_input", `${target} already exists; choose a new file name`);
      }
      session.assertIdle();
      const file = await readQdpx(path);
      const previous = session.currentSummary()?.path ?? null;
      session.create(target);
      try {
        const report = await session.exclusive("a REFI-QDA import", (db) =>
          Promise.resolve(importRefiModel(db, file, { now: context.now() })),
        );
        session.notifyChanged();
        return { report, summary: session.summary() };
      } catch (error) {
        // A file read but not mapped: the new project goes, the previous one comes back.
        session.close({ force: true });
        removeProjectFile(target);
        reopen(session, previous);
        throw error;
      }
    },
  };
}

/** Opens the project that was open before a failed import; the import's error is the news. */
function reopen(session: ProjectSession, previous: string | null): void {
  if (previous === null) return;
  try {
    session.open(previous);
  } catch (error) {
    console.warn(`cairn: could not reopen ${previous} after a failed import:`, error);
  }
}
