/** Scatter labels: placed without overlapping each other or the points when there is room. */
import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../src/outputs/charts/labels.js';

const frame = { width: 720, height: 460, xDomain: [0, 100] as const, yDomain: [0, 100] as const, fontSize: 14 };

function box(p: { x: number; y: number; align: string }, text: string) {
  const px = (p.x / 100) * 720, py = 460 - (p.y / 100) * 460, w = text.length * 14 * 0.58;
  const x0 = p.align === 'left' ? px : p.align === 'right' ? px - w : px - w / 2;
  return { x0, x1: x0 + w, y0: py - 8, y1: py + 8 };
}

describe('placeLabels', () => {
  it('keeps a crowd of labels apart', () => {
    const points = Array.from({ length: 8 }, (_, i) => ({ x: 20 + (i % 4) * 18, y: 30 + Math.floor(i / 4) * 12, text: `Strategy number ${i}` }));
    const placed = placeLabels(points, frame);
    const boxes = placed.map((p, i) => box(p, points[i].text));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const overlaps = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        expect(overlaps, `labels ${i} and ${j}`).toBe(false);
      }
  });

  it('turns a label inwards at the right edge', () => {
    const [p] = placeLabels([{ x: 99, y: 50, text: 'A long strategy name' }], frame);
    expect(p.align).toBe('right');
  });
});
