/**
 * Makes a chart spec answer the report's strategy toggles: a `cxsimHidden` parameter (the labels
 * hidden) filters every data source of the spec, by strategy and by small-multiple panel, and
 * colour legends of strategies go (the toggle bar above the charts is the legend, in the same colours).
 */
import type { VlSpec } from '../charts/common.js';

export const HIDDEN_PARAM = 'cxsimHidden';
const FILTER = { filter: `indexof(${HIDDEN_PARAM}, datum.strategy) < 0 && indexof(${HIDDEN_PARAM}, datum.panel) < 0` };

type Node = Record<string, unknown>;
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

export function forReport(spec: VlSpec): VlSpec {
  const copy = structuredClone(spec) as unknown as Node;
  visit(copy);
  copy.params = [...((copy.params as unknown[]) ?? []), { name: HIDDEN_PARAM, value: [] }];
  return copy as unknown as VlSpec;
}

function visit(node: Node): void {
  // Filter where data enters; layers and panels without data of their own inherit the filtered rows.
  if (isNode(node.data) && Array.isArray((node.data as Node).values)) node.transform = [...((node.transform as unknown[]) ?? []), FILTER];
  const encoding = node.encoding;
  if (isNode(encoding) && isNode(encoding.color) && encoding.color.field === 'strategy') encoding.color = { ...encoding.color, legend: null };
  for (const key of ['layer', 'vconcat', 'hconcat', 'concat']) if (Array.isArray(node[key])) for (const child of node[key] as unknown[]) if (isNode(child)) visit(child);
  if (isNode(node.spec)) visit(node.spec);
}
