// One chart: loads echarts lazily, draws the option into a box with an accessible name, and follows size changes.
import { useEffect, useRef, useState } from "react";
import type { EChartsCoreOption, EChartsType } from "echarts/core";

type Lib = typeof import("./echartsSetup");
let loading: Promise<Lib> | null = null;
const loadLib = () => (loading ??= import("./echartsSetup"));

export function EChart({ label, option, height = 220 }: { label: string; option: EChartsCoreOption; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    let observer: ResizeObserver | null = null;
    loadLib().then(
      ({ echarts }) => {
        if (!alive || !box.current) return;
        const instance = echarts.init(box.current, undefined, { renderer: "canvas" });
        chart.current = instance;
        instance.setOption(option);
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(box.current);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the chart is created once; the effect below applies each new option.
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <figure className="lw-sim-chart">
      <figcaption>{label}</figcaption>
      {error ? (
        <p className="lw-form-error">{error}</p>
      ) : (
        <div ref={box} role="img" aria-label={label} className="lw-sim-chart-box" style={{ height }} />
      )}
    </figure>
  );
}
