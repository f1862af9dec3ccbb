/**
 * ECharts, tree-shaken to what the tally charts draw: bars, a grid, titles, tooltips and a
 * legend, with the SVG renderer (on screen and for SVG files) and the canvas renderer
 * (for PNG files). None of these modules evaluates strings as code, so the page's CSP
 * (script-src 'self', no 'unsafe-eval') holds; only the geo module, not imported, would.
 */
import { BarChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
  CanvasRenderer,
]);

export { echarts };
export type { ECharts } from "echarts/core";
