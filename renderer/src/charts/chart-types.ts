/** What the option builders hand the components: an ECharts option sized to its content. */

export interface BuiltChart {
  /** A plain ECharts option (functions allowed: formatters); no eval anywhere. */
  readonly option: Record<string, unknown>;
  /** The height the content needs at the layout's width, in CSS (logical) pixels. */
  readonly height: number;
}

/** The chart's figures as a table, for screen readers and for checking by eye. */
export interface DataTable {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Colours by code id; codes without one get the palette's. */
export type CodeColours = ReadonlyMap<number, string>;
