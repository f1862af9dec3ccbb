/**
 * The project a fuzz run works on, and the way back to it: each case starts from the same
 * pristine file (a case stands alone, so its seed alone repeats it), and a case that
 * changed, closed or swapped the project gets a fresh copy before the next one.
 */
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createCore, type Core } from "../../../electron/core/core.ts";
import { coreValue } from "../core.ts";
import { fixedClock } from "../project.ts";
import { projectDigest } from "./digest.ts";

export class FuzzFixture {
  readonly core: Core;
  readonly path: string;
  private readonly pristine: string;
  private pristineDigest = "";

  private constructor(core: Core, path: string, pristine: string) {
    this.core = core;
    this.path = path;
    this.pristine = pristine;
  }

  /** A core whose home is `dir`/home; `make` creates the pristine project (left closed). */
  static async create(dir: string, make: (core: Core, path: string) => Promise<void>) {
    const core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
    const pristine = join(dir, "pristine.cairn");
    await make(core, pristine);
    if (core.session.currentSummary() !== null) coreValue(await core.call("project.close", {}));
    const fixture = new FuzzFixture(core, join(dir, "fixture.cairn"), pristine);
    fixture.reopen();
    fixture.pristineDigest = fixture.digest();
    return fixture;
  }

  /** The open project's digest, or a marker when none (or another) is open. */
  digest(): string {
    const summary = this.core.session.currentSummary();
    if (summary === null) return "(no project open)";
    if (summary.path !== this.path) return `(another project open: ${summary.path})`;
    return projectDigest(this.core.session.db());
  }

  /** Back to the pristine project unless the case left it as it was. */
  restore(): void {
    const summary = this.core.session.currentSummary();
    const untouched =
      summary !== null &&
      summary.path === this.path &&
      !summary.encrypted &&
      this.digest() === this.pristineDigest;
    if (!untouched) this.reopen();
  }

  private reopen(): void {
    if (this.core.session.currentSummary() !== null) this.core.session.close({ force: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) {
      rmSync(this.path + suffix, { force: true });
    }
    copyFileSync(this.pristine, this.path);
    this.core.session.open(this.path);
  }

  shutdown(): void {
    this.core.shutdown();
  }
}
