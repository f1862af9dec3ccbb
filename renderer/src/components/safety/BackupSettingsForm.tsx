/**
 * How many automatic backups are kept and how often one is made (backup.settings),
 * checked before they are sent; the saved settings are said back in a sentence.
 */
import { useState, type FormEvent } from "react";
import type { BackupSettings } from "../../../../shared/api/safety-api.ts";
import { call, errorMessage } from "../../api/client.ts";
import { settingsProblem, settingsText } from "../../safety/backup-text.ts";
import { Problem } from "./SafetyShell.tsx";

interface Props {
  readonly settings: BackupSettings;
  onSaved(settings: BackupSettings): void;
}

export function BackupSettingsForm({ settings, onSaved }: Props) {
  const [keep, setKeep] = useState(String(settings.keep));
  const [every, setEvery] = useState(String(settings.intervalMinutes));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const changed =
    keep.trim() !== String(settings.keep) || every.trim() !== String(settings.intervalMinutes);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const wrong = settingsProblem(keep, every);
    setProblem(wrong);
    if (wrong) return;
    try {
      const next = await call("backup.settings", {
        keep: Number(keep),
        intervalMinutes: Number(every),
      });
      onSaved(next);
      setSaved(settingsText(next));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <form className="backup-settings" onSubmit={(event) => void save(event)}>
      <fieldset>
        <legend>Automatic backups (one is also made each time the project is opened)</legend>
        <div className="backup-settings-row">
          <label>
            Keep the newest
            <input
              type="number"
              min={1}
              max={200}
              value={keep}
              onChange={(event) => setKeep(event.target.value)}
            />
            automatic backups
          </label>
          <label>
            Make one every
            <input
              type="number"
              min={1}
              max={24 * 60}
              value={every}
              onChange={(event) => setEvery(event.target.value)}
            />
            minutes while the project changes
          </label>
          <button type="submit" disabled={!changed}>
            Save
          </button>
        </div>
        <Problem text={problem} />
        {saved && (
          <p className="safety-status" role="status">
            {saved}
          </p>
        )}
      </fieldset>
    </form>
  );
}
