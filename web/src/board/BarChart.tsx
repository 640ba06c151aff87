// The one chart module, loaded only when a board is opened (recharts is most of its size),
// so the first screen's JavaScript stays small. Bars per category, stacked by series; the
// figures are also given as text beside each chart for screen readers and copy-paste.
import { Bar, BarChart as Chart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface Series {
  key: string;
  label: string;
  colour: string;
}

export default function BarChart({
  rows,
  series,
  height = 240,
}: {
  rows: Record<string, string | number>[];
  series: Series[];
  height?: number;
}) {
  return (
    <div style={{ width: "100%", height }} aria-hidden="true">
      <ResponsiveContainer>
        <Chart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          {series.length > 1 && <Legend />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="all" fill={s.colour} isAnimationActive={false} />
          ))}
        </Chart>
      </ResponsiveContainer>
    </div>
  );
}
