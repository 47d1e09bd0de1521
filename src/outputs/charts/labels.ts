/**
 * Greedy label placement for scatter charts: each point's label goes to the first of eight spots
 * around it that overlaps no label placed before and no point, else to the spot that overlaps
 * least. Vega-Lite has no collision avoidance for text, and names of a dozen strategies
 * clustered near the baseline would otherwise print over each other.
 */

export interface LabelPoint {
  x: number;
  y: number;
  text: string;
}

export interface PlacedLabel {
  /** Anchor in data coordinates. */
  x: number;
  y: number;
  align: 'left' | 'right' | 'center';
}

export interface Frame {
  width: number;
  height: number;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  fontSize: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const GAP = 11;
/** Offsets in pixels (y down) and alignments, in order of preference: diagonals first, clear of the whiskers through the point. */
const SPOTS: readonly [number, number, PlacedLabel['align']][] = [
  [GAP, -GAP - 4, 'left'],
  [GAP, GAP + 4, 'left'],
  [-GAP, -GAP - 4, 'right'],
  [-GAP, GAP + 4, 'right'],
  [0, -GAP - 10, 'center'],
  [0, GAP + 10, 'center'],
  [GAP, 0, 'left'],
  [-GAP, 0, 'right'],
];

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

export function placeLabels(points: readonly LabelPoint[], f: Frame): PlacedLabel[] {
  const px = (x: number) => ((x - f.xDomain[0]) / (f.xDomain[1] - f.xDomain[0] || 1)) * f.width;
  const py = (y: number) => f.height - ((y - f.yDomain[0]) / (f.yDomain[1] - f.yDomain[0] || 1)) * f.height;
  const r = 9;
  const obstacles: Box[] = points.map((p) => ({ x0: px(p.x) - r, y0: py(p.y) - r, x1: px(p.x) + r, y1: py(p.y) + r }));
  return points.map((p) => {
    const w = p.text.length * f.fontSize * 0.58;
    const h = f.fontSize + 2;
    let best: { cost: number; box: Box; dx: number; dy: number; align: PlacedLabel['align'] } | undefined;
    for (const [dx, dy, align] of SPOTS) {
      const ax = px(p.x) + dx, ay = py(p.y) + dy;
      const x0 = align === 'left' ? ax : align === 'right' ? ax - w : ax - w / 2;
      const box = { x0, y0: ay - h / 2, x1: x0 + w, y1: ay + h / 2 };
      const outside = Math.max(0, -box.x0) + Math.max(0, box.x1 - f.width) + Math.max(0, -box.y0) + Math.max(0, box.y1 - f.height);
      const cost = obstacles.reduce((s, o) => s + overlap(box, o), 0) + outside * h;
      if (!best || cost < best.cost) best = { cost, box, dx, dy, align };
      if (cost === 0) break;
    }
    obstacles.push(best!.box);
    // Back to data coordinates, so the label stays in place whatever renders the spec.
    const x = f.xDomain[0] + ((px(p.x) + best!.dx) / f.width) * (f.xDomain[1] - f.xDomain[0]);
    const y = f.yDomain[0] + ((f.height - (py(p.y) + best!.dy)) / f.height) * (f.yDomain[1] - f.yDomain[0]);
    return { x, y, align: best!.align };
  });
}
