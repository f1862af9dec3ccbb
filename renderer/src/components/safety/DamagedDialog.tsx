/**
 * A project that failed its integrity check on open: the core's sentence, and its latest
 * backup offered ("Restore this backup"), or another chosen from the list. The damaged
 * file is never overwritten: a restore keeps it beside the project, renamed.
 */
import { useEffect, useState } from "react";
import type { BackupListing, RestoreReport } from "../../../../shared/api/safety-api.ts";
import { call, errorMessage } from "../../api/client.ts";
import {
  backupContents,
  backupDate,
  OLD_PASSWORD_NOW,
  restoreDamagedQuestion,
  restoredText,
} from "../../safety/backup-text.ts";
import { projectNameOf } from "../../safety/password-text.ts";
import { useSafety } from "../../stores/safety.ts";
import { BackupTable } from "./BackupTable.tsx";
import { RestoreConfirm } from "./RestoreConfirm.tsx";
import { Problem, SafetyShell } from "./SafetyShell.tsx";
import { RestoreDone } from "./RestoreDone.tsx";

type Step = "offer" | "list" | "confirm" | "done";

export function DamagedDialog() {
  const dialog = useSafety((s) => s.dialog);
  const close = useSafety((s) => s.close);
  const path = dialog?.kind === "damaged" ? dialog.path : null;
  const [listing, setListing] = useState<BackupListing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [step, setStep] = useState<Step>("offer");
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<RestoreReport | null>(null);
  const [withPassword, setWithPassword] = useState(false);

  useEffect(() => {
    if (path === null) return;
    call("backup.list", { project: path }).then(
      (found) => {
        setListing(found);
        setChosen(found.backups[0]?.path ?? null);
      },
      (error: unknown) => setProblem(errorMessage(error)),
    );
  }, [path]);

  if (dialog?.kind !== "damaged") return null;
  const name = projectNameOf(dialog.path);
  const backup = listing?.backups.find((b) => b.path === chosen) ?? null;
  const latest = listing?.backups[0] ?? null;
  const leave = busy ? undefined : close;
  const restored = (done: RestoreReport, typed: boolean) => {
    setReport(done);
    setWithPassword(typed);
    setStep("done");
  };

  if (step === "done" && report && backup) {
    return (
      <RestoreDone
        title={`${name} is restored`}
        className="damaged-dialog"
        sentence={
          restoredText(report, backupDate(backup.createdAt), true) +
          (withPassword ? ` ${OLD_PASSWORD_NOW}` : "")
        }
        keptAs={report.keptAs}
        onClose={close}
      />
    );
  }

  const title = `${name} is damaged`;
  const intro = (
    <>
      <p className="damaged-lead">
        Cairn checked this project as it opened it and found the file damaged. Nothing in it was
        changed.
      </p>
      <p className="damaged-message">{dialog.message}</p>
    </>
  );

  if (step === "list" && listing) {
    return (
      <SafetyShell title={title} className="damaged-dialog" onCancel={leave}>
        <p className="dialog-hint">Choose the backup to restore. The newest is at the top.</p>
        <BackupTable
          backups={listing.backups}
          intervalMinutes={listing.settings.intervalMinutes}
          chosen={chosen}
          onChoose={setChosen}
        />
        <div className="dialog-actions">
          <button type="button" onClick={() => setStep("offer")}>
            Back
          </button>
          <button
            type="button"
            className="primary"
            disabled={!backup}
            onClick={() => setStep("confirm")}
          >
            Restore…
          </button>
        </div>
      </SafetyShell>
    );
  }

  if (step === "confirm" && backup) {
    return (
      <SafetyShell title={title} className="damaged-dialog" onCancel={leave}>
        <RestoreConfirm
          backup={backup}
          project={dialog.path}
          action="Restore"
          onBack={() => setStep("list")}
          onBusy={setBusy}
          onRestored={restored}
        >
          <p className="safety-question">{restoreDamagedQuestion(backupDate(backup.createdAt))}</p>
        </RestoreConfirm>
      </SafetyShell>
    );
  }

  return (
    <SafetyShell title={title} className="damaged-dialog" onCancel={leave}>
      {intro}
      {listing === null && problem === null && <p className="dialog-hint">Looking for backups…</p>}
      <Problem text={problem} />
      {listing && !latest && (
        <>
          <p className="backup-empty">
            There are no backups of this project in{" "}
            <span className="safety-path">{listing.folder}</span>. The file has not been changed.
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" autoFocus onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
      {listing && latest && (
        <RestoreConfirm
          backup={latest}
          project={dialog.path}
          action="Restore this backup"
          danger={false}
          backLabel="Cancel"
          onBack={close}
          onBusy={setBusy}
          onRestored={(done, typed) => {
            setChosen(latest.path);
            restored(done, typed);
          }}
          {...(listing.backups.length > 1
            ? { other: { label: "Choose another backup…", onClick: () => setStep("list") } }
            : {})}
        >
          <div className="damaged-offer">
            <p>
              The latest backup was made on <strong>{backupDate(latest.createdAt)}</strong>.{" "}
              {latest.counts
                ? `It holds ${backupContents(latest.counts)}.`
                : "What it holds could not be counted."}
            </p>
            <p className="dialog-hint">
              Restoring it does not overwrite the damaged file: that is kept beside the project,
              renamed, in case you need it later.
            </p>
          </div>
        </RestoreConfirm>
      )}
      {!listing && problem !== null && (
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={close}>
            Close
          </button>
        </div>
      )}
    </SafetyShell>
  );
}
