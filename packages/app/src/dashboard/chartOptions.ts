/** ECharts options for the dashboard figures: bars of actual against target, in the page's language. */
import type { ChartOption } from './Chart.js';

const GREEN = '#2e6b30';
const GREY = '#9aa59a';

/** Bars of `values` per category, with an optional second series of targets. */
export function barsOption(categories: string[], series: Array<{ name: string; values: Array<number | null>; target?: boolean }>, unit = ''): ChartOption {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 32, bottom: 64 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}${unit}` },
    legend: { top: 0 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, itemStyle: { color: s.target ? GREY : GREEN }, label: { show: true, position: 'top' } })),
  } as ChartOption;
}

/** One bar per amount with a mark line at the cap (subsidy totals vs the 600,000 CNY budget). */
export function capOption(categories: string[], values: number[], cap: number, capLabel: string): ChartOption {
  return {
    animation: false,
    grid: { left: 80, right: 16, top: 32, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', max: (extent: { max: number }) => Math.max(extent.max, cap) * 1.1 },
    series: [
      {
        type: 'bar',
        data: values,
        itemStyle: { color: GREEN },
        label: { show: true, position: 'top' },
        markLine: { symbol: 'none', data: [{ yAxis: cap, name: capLabel }], label: { formatter: capLabel }, lineStyle: { color: '#b3261e', type: 'dashed' } },
      },
    ],
  } as ChartOption;
}
