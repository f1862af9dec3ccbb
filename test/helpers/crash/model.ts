/**
 * The parent's replay of one seed, in-process: the same actions on a copy of the same
 * project, recording the content digest after each one. digests[j] is the project after
 * j actions; a crash must leave digests[j] for some j between the child's last "done"
 * and its last "begin". Every few actions the model closes the project and keeps a copy
 * of the file, so a child can start there instead of replaying from the beginning.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { createCore, type Core } from "../../../electron/core/core.ts";
import { fixedClock } from "../project.ts";
import { runAction } from "./actions.ts";
import { contentDigest } from "./digest.ts";
import type { CrashFiles } from "./fixtures.ts";

export interface SeedModel {
  readonly seed: number;
  readonly actions: number;
  /** digests[j]: the content after j actions (digests[0]: the project as opened). */
  readonly digests: readonly string[];
  /** What action k was ("code", "undo"...) and what it answered ("ok", "bad_input"...). */
  readonly kinds: readonly string[];
  readonly outcomes: readonly string[];
  /** Project files by the number of actions done in them (0, every, 2 * every...). */
  readonly snapshots: ReadonlyMap<number, string>;
}

export interface ModelOptions {
  readonly dir: string;
  /** An empty project, as `project.create` leaves it. */
  readonly base: string;
  readonly files: CrashFiles;
  readonly actions: number;
  readonly snapshotEvery: number;
}

export function openCore(home: string, project: string): Core {
  const core = createCore({ shell: "browser", userDataDir: home, now: fixedClock });
  core.session.openFile(project);
  return core;
}

export async function modelSeed(seed: number, options: ModelOptions): Promise<SeedModel> {
  const project = join(options.dir, `model-${seed}.cairn`);
  const home = join(options.dir, "home-model");
  copyFileSync(options.base, project);
  const snapshots = new Map<number, string>();
  const digests: string[] = [];
  const kinds: string[] = [];
  const outcomes: string[] = [];
  let core = openCore(home, project);
  digests.push(contentDigest(core.session.db()));
  try {
    for (let k = 0; k < options.actions; k++) {
      if (k % options.snapshotEvery === 0) {
        core.shutdown();
        const snapshot = join(options.dir, `snapshot-${seed}-${k}.cairn`);
        copyFileSync(project, snapshot);
        snapshots.set(k, snapshot);
        core = openCore(home, project);
        const reopened = contentDigest(core.session.db());
        if (reopened !== digests[k]) {
          throw new Error(`crash model: seed ${seed}: reopening after ${k} actions changed it`);
        }
      }
      const { kind, result } = await runAction(core, seed, k, options.files);
      if (!result.ok && result.error.code === "internal") {
        throw new Error(`crash model: seed ${seed} action ${k} (${kind}): ${result.error.message}`);
      }
      kinds.push(kind);
      outcomes.push(result.ok ? "ok" : result.error.code);
      digests.push(contentDigest(core.session.db()));
    }
  } finally {
    core.shutdown();
  }
  return { seed, actions: options.actions, digests, kinds, outcomes, snapshots };
}
