/**
 * Charts as files for a report: PNG at print resolution and SVG, both from the print
 * layout (PRINT_WIDTH logical px, larger fonts, white background, no animation), saved
 * through a download, which a browser saves and Electron asks where to save.
 */
import { PRINT_DPI, PRINT_PIXEL_RATIO, PRINT_WIDTH, type ChartLayout } from "./chart-style.ts";
import type { BuiltChart } from "./chart-types.ts";
import { echarts } from "./echarts.ts";
import { withDpi } from "./png-dpi.ts";

export type ChartBuilder = (layout: ChartLayout) => BuiltChart;

const PRINT_LAYOUT: ChartLayout = { width: PRINT_WIDTH, medium: "print" };
/** The printed width the files declare: 1890 px at 300 dpi. */
const PRINT_CM = (PRINT_WIDTH * PRINT_PIXEL_RATIO * 2.54) / PRINT_DPI;

/** The PNG's pixel size for a chart: PRINT_PIXEL_RATIO times the print layout. */
export function pngPixelSize(build: ChartBuilder): { width: number; height: number } {
  const built = build(PRINT_LAYOUT);
  return { width: PRINT_WIDTH * PRINT_PIXEL_RATIO, height: built.height * PRINT_PIXEL_RATIO };
}

/** The chart as an SVG document, its size given in centimetres (16 cm wide). */
export function renderSvg(build: ChartBuilder): string {
  const built = build(PRINT_LAYOUT);
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: PRINT_WIDTH,
    height: built.height,
  });
  try {
    chart.setOption(built.option);
    return printSized(chart.renderToSVGString({ useViewBox: true }), built.height);
  } finally {
    chart.dispose();
  }
}

/** Gives the root <svg> a physical size (the viewBox keeps the drawing's coordinates). */
export function printSized(svg: string, height: number): string {
  const cm = (px: number) => `${((px / PRINT_WIDTH) * PRINT_CM).toFixed(2)}cm`;
  return svg.replace(/<svg\b[^>]*>/, (tag) =>
    tag
      .replace(/\swidth="[^"]*"/, ` width="${cm(PRINT_WIDTH)}"`)
      .replace(/\sheight="[^"]*"/, ` height="${cm(height)}"`),
  );
}

/** The chart as a PNG: PRINT_PIXEL_RATIO x the print layout, marked 300 dpi. */
export function renderPng(build: ChartBuilder): Blob {
  const built = build(PRINT_LAYOUT);
  // The canvas renderer wants an element; it never shows (off screen, not in the layout).
  const host = document.createElement("div");
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${PRINT_WIDTH}px;height:${built.height}px`;
  document.body.append(host);
  const chart = echarts.init(host, null, {
    renderer: "canvas",
    width: PRINT_WIDTH,
    height: built.height,
    devicePixelRatio: PRINT_PIXEL_RATIO,
  });
  try {
    chart.setOption(built.option);
    const url = chart.getDataURL({
      type: "png",
      pixelRatio: PRINT_PIXEL_RATIO,
      backgroundColor: "#ffffff",
    });
    const binary = atob(url.slice(url.indexOf(",") + 1));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new Blob([withDpi(bytes, PRINT_DPI) as Uint8Array<ArrayBuffer>], { type: "image/png" });
  } finally {
    chart.dispose();
    host.remove();
  }
}

/** Offers `blob` as a file named `name`: the browser's download, Electron's save dialog. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next tasks; a minute is generous.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
