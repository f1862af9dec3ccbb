/**
 * An ECharts instance drawn with the SVG renderer (crisp at any zoom, and its text is in
 * the DOM for tests) into a div whose width follows its container; the chart is laid out
 * again for each width, and its height is whatever its content needs.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { BuiltChart } from "../../charts/chart-types.ts";
import { echarts, type ECharts } from "../../charts/echarts.ts";
import type { ChartBuilder } from "../../charts/export.ts";

export function useEChart(build: ChartBuilder) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const instance = useRef<ECharts | null>(null);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    setWidth(Math.floor(box.clientWidth));
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const built: BuiltChart | null = useMemo(
    () => (width > 0 ? build({ width, medium: "screen" }) : null),
    [build, width],
  );

  // Created on the first layout, at its size (ECharts warns about a 0 x 0 element).
  useEffect(() => {
    const element = chartRef.current;
    if (!element || !built) return;
    let chart = instance.current;
    if (!chart) {
      chart = echarts.init(element, null, { renderer: "svg", width, height: built.height });
      instance.current = chart;
      showFullNames(chart);
    } else {
      chart.resize({ width, height: built.height });
    }
    chart.setOption(built.option, { notMerge: true });
  }, [built, width]);

  useEffect(
    () => () => {
      instance.current?.dispose();
      instance.current = null;
    },
    [],
  );

  return { boxRef, chartRef, height: built?.height ?? 0 };
}

/** A truncated category name shows its bar's tooltip (the full path) on hover. */
function showFullNames(chart: ECharts): void {
  chart.on("mouseover", (params) => {
    const event = params as { componentType?: string; targetType?: string; value?: unknown };
    if (event.componentType !== "yAxis" || event.targetType !== "axisLabel") return;
    const option = chart.getOption() as { yAxis?: { data?: unknown[] }[] };
    const dataIndex = option.yAxis?.[0]?.data?.indexOf(event.value) ?? -1;
    if (dataIndex >= 0) chart.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex });
  });
  chart.on("mouseout", () => chart.dispatchAction({ type: "hideTip" }));
}
