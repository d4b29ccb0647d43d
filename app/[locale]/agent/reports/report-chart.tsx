"use client";
// One report's chart (recharts, a bar or line chart in a ResponsiveContainer). Recharts measures
// the page, so the chart is drawn only once React runs in the browser: the server's HTML and the
// first render both hold a box of the same size, and nothing differs at hydration. Colours are CSS
// variables set on the reports page (light and dark values, each ≥ 3:1 against its background).
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useHydrated } from "../../../_lib/use-hydrated";

export type Series = { key: string; label: string; color: 1 | 2 | 3 | 4 };

const axis = { fill: "var(--chart-text)", fontSize: 12 };

export function ReportChart({
  kind,
  data,
  xKey,
  series,
  label,
  max,
}: {
  kind: "bar" | "line";
  data: Record<string, string | number | null>[];
  xKey: string;
  series: Series[];
  label: string;
  max?: number;
}) {
  const hydrated = useHydrated();
  const common = (
    <>
      <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
      <XAxis dataKey={xKey} tick={axis} stroke="var(--chart-grid)" interval="preserveStartEnd" />
      <YAxis tick={axis} stroke="var(--chart-grid)" allowDecimals={false} width={40} domain={max ? [0, max] : undefined} />
      <Tooltip
        contentStyle={{ background: "var(--chart-bg)", borderColor: "var(--chart-grid)", color: "var(--chart-text)" }}
        labelStyle={{ color: "var(--chart-text)" }}
      />
      <Legend wrapperStyle={{ color: "var(--chart-text)", fontSize: 12 }} />
    </>
  );
  return (
    <div role="img" aria-label={label} className="h-64 w-full">
      {hydrated && (
        <ResponsiveContainer width="100%" height="100%">
          {kind === "line" ? (
            <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              {common}
              {series.map((s) => (
                <Line
                  key={s.key}
                  type="monotone"
                  dataKey={s.key}
                  name={s.label}
                  stroke={`var(--chart-${s.color})`}
                  strokeWidth={2}
                  dot={{ r: 3 }}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          ) : (
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              {common}
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} fill={`var(--chart-${s.color})`} isAnimationActive={false} />
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
      )}
    </div>
  );
}
