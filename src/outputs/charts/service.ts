/** Chart: the contact centre over time — mean queue wait and service level, one panel each. */
import { METRIC_BY_KEY, type RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { bandLayers, header, manyStrategies, multiples, multiplesNote, timeData, timeSubtitle, WIDTH, type TimeData, type VlSpec } from './common.js';
import { WOM_WEEKLY_ABOVE_DAYS } from './wom.js';

export const title = 'Service: waiting time and service level';

const PANELS = ['waitMinutes', 'serviceLevel'] as const;
const panelTitle = (key: (typeof PANELS)[number]) => `${METRIC_BY_KEY[key].label} (${METRIC_BY_KEY[key].unit})`;

export function serviceChart(data: TimeData, scenario: Scenario): VlSpec {
  const note = 'Queue wait as the firm measures it, from entering the queue; service level = answered within the channel\'s target';
  if (manyStrategies(scenario, data)) {
    return {
      ...header(scenario, title, timeSubtitle(data, [note, multiplesNote(scenario, data)])),
      vconcat: PANELS.map((key) => ({ title: { text: `${panelTitle(key)} by day`, fontSize: 17, anchor: 'start' as const }, ...multiples(scenario, data, key, null) })),
      spacing: 30,
    } as VlSpec;
  }
  const values = data.rows.map(({ metric, ...rest }) => ({ ...rest, series: panelTitle(metric as (typeof PANELS)[number]) }));
  return {
    ...header(scenario, title, timeSubtitle(data, [note])),
    data: { values },
    facet: { row: { field: 'series', type: 'nominal', title: null, sort: PANELS.map(panelTitle), header: { labelFontSize: 13, labelFontWeight: 'bold', labelAngle: 0, labelAnchor: 'start', labelOrient: 'top' } } },
    resolve: { scale: { y: 'independent' } },
    spec: { width: WIDTH, height: 180, layer: bandLayers(scenario, data, '') },
  };
}

export const build = (scenario: Scenario, results: readonly RunResult[]): VlSpec => serviceChart(timeData(scenario, results, PANELS, WOM_WEEKLY_ABOVE_DAYS), scenario);
