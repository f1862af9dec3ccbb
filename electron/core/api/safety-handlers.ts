/**
 * The core's handlers for backups, the project password and pseudonymised copies
 * (shared/api/safety-api.ts).
 */
import type { ProjectBackups } from "../backup/backup-service.ts";
import { previewPseudonymise, pseudonymiseCopy } from "../privacy/pseudonymise-service.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type SafetyHandlers = Pick<
  Handlers,
  | "backup.list"
  | "backup.create"
  | "backup.restore"
  | "backup.settings"
  | "project.unlock"
  | "project.setPassword"
  | "project.pseudonymisePreview"
  | "project.pseudonymise"
>;

export function safetyHandlers(context: HandlerContext, backups: ProjectBackups): SafetyHandlers {
  const { session } = context;
  return {
    "backup.list": ({ project }) => backups.list(project),
    "backup.create": () => backups.create("manual"),
    "backup.restore": (input) => backups.restore(input),
    "backup.settings": (patch) => backups.settings(patch),
    "project.unlock": ({ path, password }) => session.open(path, { password }),
    "project.setPassword": ({ current, password }) => session.setPassword(current, password),
    "project.pseudonymisePreview": (options) => previewPseudonymise(session.db(), options),
    "project.pseudonymise": (options) => pseudonymiseCopy(session, options),
  };
}
