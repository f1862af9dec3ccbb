/**
 * The project a window (or a browser-mode server, or a CLI run) has open: at most one at
 * a time. It owns the database connection, and so the file's lock, until closed.
 */
import { realpathSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import { password as passwordSchema } from "../../../shared/api/safety-api.ts";
import type { ProjectSummary } from "../../../shared/domain.ts";
import { getMeta, schemaVersion, setMeta } from "../db/meta.ts";
import type { Migration } from "../db/migrations.ts";
import { changeProjectPassword } from "../db/encryption-change.ts";
import { passwordRequired, wrongPassword } from "../db/encryption.ts";
import {
  closeProjectFile,
  createProjectFile,
  openProjectFile,
  removeProjectFile,
  saveCopy,
  type Db,
  type OpenedProject,
} from "../db/project-file.ts";
import { listCoders } from "../db/coders.ts";
import { listQuestions } from "../db/questions.ts";
import { countRespondents, listAttributeNames } from "../db/respondents.ts";
import type { RecentProjects } from "./recent-projects.ts";
import { writeSampleProject } from "./sample-project.ts";

export interface SessionDeps {
  readonly migrations: readonly Migration[];
  /** Remembers opened projects for File > Open recent; absent in the CLI. */
  readonly recent?: RecentProjects;
  readonly now?: () => Date;
}

export interface OpenProjectOptions {
  readonly password?: string;
}

type Listener = (summary: ProjectSummary | null) => void;

export class ProjectSession {
  private project: OpenedProject | null = null;
  /** What long operation holds the project (an import), or null. */
  private busyWith: string | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly deps: SessionDeps) {}

  /** Called after the open project changes: opened, created, closed. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get isOpen(): boolean {
    return this.project !== null;
  }

  /** The open project's database; fails with a clear message when none is open. */
  db(): Db {
    if (!this.project) throw new CairnError("no_project", "no project is open");
    return this.project.db;
  }

  /**
   * Runs a long operation (an import) on the open project. Until it ends, the project
   * cannot be closed or swapped, nor another such operation started.
   */
  async exclusive<T>(what: string, work: (db: Db) => Promise<T>): Promise<T> {
    this.assertIdle();
    const db = this.db();
    this.busyWith = what;
    try {
      return await work(db);
    } finally {
      this.busyWith = null;
    }
  }

  /** Tells listeners that the open project's content changed. */
  notifyChanged(): void {
    this.emit();
  }

  /** Fails with `busy` while a long operation (an import) holds the project. */
  assertIdle(): void {
    if (this.busyWith) {
      throw new CairnError("busy", `${this.busyWith} is running; wait for it or cancel it`);
    }
  }

  /** Opens a project; an encrypted one needs its `password` (else `password_required`). */
  open(path: string, options: OpenProjectOptions = {}): ProjectSummary {
    this.openFile(path, options);
    return this.summary();
  }

  /**
   * Opens a project without summarising it: the summary counts every answer, which a
   * CLI command on a million answers should not pay for when it does not print it.
   */
  openFile(path: string, options: OpenProjectOptions = {}): void {
    this.assertIdle();
    const absolute = resolve(path);
    if (this.project && sameFile(this.project.path, absolute)) return;
    // Open the new file first: if it fails, the current project stays open.
    this.replaceWith(
      openProjectFile(absolute, {
        migrations: this.deps.migrations,
        ...(options.password === undefined ? {} : { password: options.password }),
      }),
    );
  }

  /**
   * Sets, changes or removes (`next` null) the open project's password. `current` must be
   * the project's password when it has one. Backups made before keep the old password.
   */
  setPassword(current: string | undefined, next: string | null): ProjectSummary {
    this.assertIdle();
    const project = this.project;
    if (!project) throw new CairnError("no_project", "no project is open");
    if (project.password !== null) {
      if (current === undefined) throw passwordRequired(project.path);
      if (current !== project.password) throw wrongPassword(project.path);
    }
    if (next !== null) assertUsablePassword(next);
    if (next === project.password) return this.summary();
    const change = changeProjectPassword(project, next, { migrations: this.deps.migrations });
    if (change.project !== project) {
      this.project = change.project;
      this.emit();
    }
    if (change.error) throw change.error;
    return this.summary();
  }

  /**
   * The open project's password, or null for a plain project: what copies of it (backups,
   * a coder's copy, a pseudonymised copy) are encrypted with. Never leaves the core.
   */
  password(): string | null {
    return this.project?.password ?? null;
  }

  create(path: string, options: { sample?: boolean } = {}): ProjectSummary {
    this.assertIdle();
    const absolute = resolve(path);
    const created = createProjectFile(absolute, { migrations: this.deps.migrations });
    const { db } = created;
    try {
      db.transaction(() => {
        const now = this.now().toISOString();
        setMeta(db, "created_at", now);
        if (options.sample) writeSampleProject(db, now);
        else setMeta(db, "name", basename(absolute, extname(absolute)));
      })();
    } catch (error) {
      // A half-made project is no use to anyone, and would block the next attempt.
      closeProjectFile(db, { checkpoint: false });
      removeProjectFile(absolute);
      throw error;
    }
    this.replaceWith(created);
    return this.summary();
  }

  /**
   * Closes the project. `force` (quitting the app) closes it even during an import:
   * SQLite then rolls the unfinished import back.
   */
  close({ force = false } = {}): void {
    if (!this.project) return;
    if (!force) this.assertIdle();
    const { db } = this.project;
    try {
      // An import still running when the app quits: undo it, then checkpoint as usual.
      if (db.inTransaction) db.exec("ROLLBACK");
      closeProjectFile(db);
    } finally {
      this.project = null;
      this.emit();
    }
  }

  saveCopy(target: string): string {
    this.assertIdle();
    const absolute = resolve(target);
    saveCopy(this.db(), absolute);
    return absolute;
  }

  summary(): ProjectSummary {
    const db = this.db();
    const path = (this.project as OpenedProject).path;
    return {
      path,
      name: getMeta(db, "name") ?? basename(path, extname(path)),
      schemaVersion: schemaVersion(db),
      respondents: countRespondents(db),
      attributes: listAttributeNames(db),
      coders: listCoders(db),
      questions: listQuestions(db),
      preparedFor: getMeta(db, "prepared_for"),
      encrypted: (this.project as OpenedProject).password !== null,
    };
  }

  currentSummary(): ProjectSummary | null {
    return this.project ? this.summary() : null;
  }

  private replaceWith(opened: OpenedProject): void {
    const previous = this.project;
    this.project = opened;
    try {
      if (previous) closeProjectFile(previous.db);
      this.deps.recent?.remember(opened.path);
    } catch (error) {
      // Neither a failed checkpoint of the old project nor an unwritable recent list
      // may leave the window showing one project while the core has another open.
      console.warn("cairn: while switching projects:", error);
    }
    this.emit();
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const summary = this.currentSummary();
    for (const listener of this.listeners) listener(summary);
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }
}

/** The contract's rule for a password, for callers that skip its schema (the CLI). */
function assertUsablePassword(password: string): void {
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) {
    throw new CairnError("bad_input", checked.error.issues[0]?.message ?? "not a usable password");
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}
