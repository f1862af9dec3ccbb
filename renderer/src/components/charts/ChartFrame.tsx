/**
 * One chart on screen: the drawing (an image to assistive technology, summarised in its
 * label, its figures in a visually hidden table) and its "Save PNG" / "Save SVG" buttons.
 */
import { useId, useMemo, useState } from "react";
import { PRINT_DPI } from "../../charts/chart-style.ts";
import { chartFileName } from "../../charts/chart-text.ts";
import type { DataTable } from "../../charts/chart-types.ts";
import {
  pngPixelSize,
  renderPng,
  renderSvg,
  saveFile,
  type ChartBuilder,
} from "../../charts/export.ts";
import { useEChart } from "./useEChart.ts";
import "./charts.css";

export function ChartFrame(props: {
  readonly build: ChartBuilder;
  readonly summary: string;
  readonly table: DataTable;
  /** The file names' stem: a question label or a title ("Q3 Limitations"). */
  readonly fileLabel: string;
  /** What the chart shows, in the file name: "codes", "response-rate", "by-country". */
  readonly fileKind: string;
}) {
  const { boxRef, chartRef, height } = useEChart(props.build);
  const tableId = useId();
  const [error, setError] = useState<string | null>(null);
  const png = useMemo(() => pngPixelSize(props.build), [props.build]);

  const save = (extension: "png" | "svg") => {
    try {
      const blob =
        extension === "png"
          ? renderPng(props.build)
          : new Blob([renderSvg(props.build)], { type: "image/svg+xml" });
      saveFile(blob, chartFileName(props.fileLabel, props.fileKind, extension));
      setError(null);
    } catch (cause) {
      setError(
        `The chart could not be saved: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
  };

  return (
    <figure className="tally-chart">
      <div className="tally-chart-tools" role="group" aria-label="Save the chart">
        <button
          type="button"
          className="tally-chart-save"
          title={`Save the chart as a PNG image for print: ${png.width} × ${png.height} px, 16 cm wide at ${PRINT_DPI} dpi`}
          onClick={() => save("png")}
        >
          Save PNG
        </button>
        <button
          type="button"
          className="tally-chart-save"
          title="Save the chart as an SVG drawing (scales without loss; 16 cm wide)"
          onClick={() => save("svg")}
        >
          Save SVG
        </button>
      </div>
      <div className="tally-chart-box" ref={boxRef}>
        <div
          className="tally-chart-canvas"
          ref={chartRef}
          role="img"
          aria-label={props.summary}
          aria-describedby={tableId}
          style={{ height }}
        />
      </div>
      {error && (
        <p className="tally-chart-error" role="alert">
          {error}
        </p>
      )}
      <table className="tally-chart-data" id={tableId}>
        <caption>{props.table.caption}</caption>
        <thead>
          <tr>
            {props.table.head.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={c}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
