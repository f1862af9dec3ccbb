/**
 * A code's colour in its actions menu: the palette's twelve hues, which stay apart on
 * screen and in print, and any other colour from the system's picker. Left and Right
 * move among the swatches; a choice is one undoable step.
 */
import { useEffect, useRef, type KeyboardEvent } from "react";
import { CODE_PALETTE } from "../../../../shared/codes/palette.ts";
import type { CodeId } from "../../../../shared/domain.ts";
import { useCodebook } from "../../stores/codebook.ts";

interface Props {
  readonly codeId: CodeId;
  readonly color: string;
  readonly onChosen: () => void;
}

export function ColourChoice({ codeId, color, onChosen }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const current = color.toLowerCase();
  const choose = (wanted: string) => {
    onChosen();
    if (wanted.toLowerCase() !== current) void useCodebook.getState().recolor(codeId, wanted);
  };
  // The picker reports every colour the pointer passes over as "input"; the one chosen
  // arrives as "change", which React does not expose for colour inputs.
  const chooseRef = useRef(choose);
  useEffect(() => {
    chooseRef.current = choose;
  });
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const onChange = () => chooseRef.current(input.value);
    input.addEventListener("change", onChange);
    return () => input.removeEventListener("change", onChange);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const swatches = [...event.currentTarget.querySelectorAll<HTMLElement>("button, input")];
    const at = swatches.indexOf(document.activeElement as HTMLElement);
    const step = event.key === "ArrowRight" ? 1 : -1;
    swatches[(at + step + swatches.length) % swatches.length]?.focus();
  };

  return (
    <div className="colour-choice" role="group" aria-label="Colour" onKeyDown={onKeyDown}>
      {CODE_PALETTE.map((hue, index) => (
        <button
          key={hue}
          type="button"
          role="menuitemradio"
          tabIndex={-1}
          className="colour-swatch"
          aria-checked={hue === current}
          aria-label={`Colour ${index + 1} of ${CODE_PALETTE.length} (${hue})`}
          title={hue}
          style={{ backgroundColor: hue }}
          onClick={() => choose(hue)}
        />
      ))}
      <label className="colour-other" title="Any other colour">
        <input
          ref={inputRef}
          type="color"
          tabIndex={-1}
          aria-label="Other colour"
          defaultValue={current}
        />
      </label>
    </div>
  );
}
