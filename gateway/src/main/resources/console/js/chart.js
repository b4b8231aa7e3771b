// Hand-drawn SVG stacked bars: one bar per channel, one segment per kind of outcome.
import { svg } from './dom.js';
import { number } from './format.js';

const LABEL_WIDTH = 110;
const BAR_WIDTH = 560;
const ROW = 34;
const BAR = 20;

/**
 * @param rows     [{label, segments: [{key, value}]}]
 * @param legend   [{key, name, cls}] in drawing order
 */
export function stackedBars(rows, legend, title) {
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0)));
  const height = rows.length * ROW + 8;
  const chart = svg('svg', {
    class: 'chart', viewBox: `0 0 ${LABEL_WIDTH + BAR_WIDTH + 70} ${height}`, role: 'img', 'aria-label': title,
  }, svg('title', {}, title));
  rows.forEach((r, i) => {
    const y = i * ROW + 4;
    chart.append(svg('text', { x: LABEL_WIDTH - 10, y: y + BAR / 2 + 5, 'text-anchor': 'end', class: 'chart-label' }, r.label));
    let x = LABEL_WIDTH;
    let total = 0;
    for (const item of legend) {
      const seg = r.segments.find((s) => s.key === item.key);
      if (!seg || seg.value <= 0) continue;
      const w = (seg.value / max) * BAR_WIDTH;
      chart.append(svg('rect', { x, y, width: Math.max(w, 1), height: BAR, class: 'seg ' + item.cls },
        svg('title', {}, `${r.label}: ${item.name} — ${number(seg.value)}`)));
      x += w;
      total += seg.value;
    }
    chart.append(svg('text', { x: x + 8, y: y + BAR / 2 + 5, class: 'chart-total' }, number(total)));
  });
  return chart;
}
