/**
 * File › Restore from backup…: where the open project's backups are kept, the list of
 * them newest first, Back up now, and the settings of the automatic ones. Choosing one
 * and Restore… asks in words first; the done state says what happened and where the
 * project's previous state was kept. The window then shows the restored content.
 */
import { useCallback, useEffect, useState } from "react";
import type { BackupListing, RestoreReport } from "../../../../shared/api/safety-api.ts";
import { call, errorMessage } from "../../api/client.ts";
import {
  backedUpText,
  backupDate,
  NO_BACKUPS,
  OLD_PASSWORD_NOW,
  restoredText,
  restoreQuestion,
} from "../../safety/backup-text.ts";
import { useProject } from "../../stores/project.ts";
import { useSafety } from "../../stores/safety.ts";
import { BackupSettingsForm } from "./BackupSettingsForm.tsx";
import { BackupTable } from "./BackupTable.tsx";
import { RestoreConfirm } from "./RestoreConfirm.tsx";
import { Problem, SafetyShell } from "./SafetyShell.tsx";
import { RestoreDone } from "./RestoreDone.tsx";

type Step = "list" | "confirm" | "done";

export function RestoreDialog() {
  const close = useSafety((s) => s.close);
  const projectOpen = useProject((s) => s.summary !== null);
  const [listing, setListing] = useState<BackupListing | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [step, setStep] = useState<Step>("list");
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<RestoreReport | null>(null);
  const [withPassword, setWithPassword] = useState(false);

  const load = useCallback(
    () =>
      call("backup.list", {}).then(setListing, (error: unknown) => setProblem(errorMessage(error))),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const backUpNow = async () => {
    setBusy(true);
    setStatus(null);
    setProblem(null);
    try {
      const made = await call("backup.create", {});
      await load();
      setStatus(backedUpText(made));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const backup = listing?.backups.find((b) => b.path === chosen) ?? null;
  const leave = busy ? undefined : close;
  if (!projectOpen && step !== "done") return null;

  if (step === "confirm" && backup) {
    return (
      <SafetyShell title="Restore from backup" className="restore-dialog" onCancel={leave}>
        <RestoreConfirm
          backup={backup}
          action="Restore"
          onBack={() => setStep("list")}
          onBusy={setBusy}
          onRestored={(done, typed) => {
            setReport(done);
            setWithPassword(typed);
            setStep("done");
          }}
        >
          <p className="safety-question">{restoreQuestion(backupDate(backup.createdAt))}</p>
        </RestoreConfirm>
      </SafetyShell>
    );
  }
  if (step === "done" && report && backup) {
    return (
      <RestoreDone
        title="Restored from backup"
        className="restore-dialog"
        sentence={
          restoredText(report, backupDate(backup.createdAt)) +
          (withPassword ? ` ${OLD_PASSWORD_NOW}` : "")
        }
        keptAs={report.keptAs}
        onClose={close}
      />
    );
  }

  return (
    <SafetyShell title="Restore from backup" className="restore-dialog" onCancel={leave}>
      {listing === null ? (
        problem === null && <p className="dialog-hint">Looking for backups…</p>
      ) : (
        <>
          <p className="dialog-hint">
            Backups of this project are kept in{" "}
            <span className="safety-path" title={listing.folder}>
              {listing.folder}
            </span>
          </p>
          {listing.backups.length === 0 ? (
            <p className="backup-empty">{NO_BACKUPS}</p>
          ) : (
            <BackupTable
              backups={listing.backups}
              intervalMinutes={listing.settings.intervalMinutes}
              chosen={chosen}
              onChoose={setChosen}
            />
          )}
        </>
      )}
      <Problem text={problem} />
      {status && (
        <p className="safety-status" role="status">
          {status}
        </p>
      )}
      {listing && (
        <BackupSettingsForm
          settings={listing.settings}
          onSaved={(settings) => setListing({ ...listing, settings })}
        />
      )}
      <div className="dialog-actions restore-actions">
        <button type="button" disabled={busy} onClick={() => void backUpNow()}>
          {busy ? "Backing up…" : "Back up now"}
        </button>
        <span className="restore-actions-gap" />
        <button type="button" onClick={close}>
          Close
        </button>
        <button
          type="button"
          className="primary"
          disabled={!backup || busy}
          onClick={() => setStep("confirm")}
        >
          Restore…
        </button>
      </div>
    </SafetyShell>
  );
}
