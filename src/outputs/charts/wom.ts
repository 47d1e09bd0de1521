/** Chart: positive and negative word-of-mouth messages over time, one panel each on a shared scale. */
import { METRIC_BY_KEY, type RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { bandLayers, header, manyStrategies, multiples, multiplesNote, timeData, timeSubtitle, WIDTH, type TimeData, type VlSpec } from './common.js';

export const title = 'Word of mouth: positive vs negative messages';

const PANELS = ['womPositive', 'womNegative'] as const;
/** Daily message counts are mostly noise; weekly means show the trend once there are eight weeks or more. */
export const WOM_WEEKLY_ABOVE_DAYS = 55;

export function womChart(data: TimeData, scenario: Scenario): VlSpec {
  const yTitle = `Messages (${METRIC_BY_KEY.womPositive.unit})`;
  if (manyStrategies(scenario, data)) {
    // Each panel on its own scale would hide that bad news travels further: the y scale is shared across the two sections.
    return {
      ...header(scenario, title, timeSubtitle(data, ['F3: bad experiences are retold more, to more people', multiplesNote(scenario, data)])),
      vconcat: PANELS.map((key) => ({ title: { text: `${METRIC_BY_KEY[key].label} (${METRIC_BY_KEY[key].unit}) by day`, fontSize: 17, anchor: 'start' as const }, ...multiples(scenario, data, key, null) })),
      resolve: { scale: { y: 'shared' } },
      spacing: 30,
    } as VlSpec;
  }
  const values = data.rows.map(({ metric, ...rest }) => ({ ...rest, series: METRIC_BY_KEY[metric].label }));
  return {
    ...header(scenario, title, timeSubtitle(data, ['F3: bad experiences are retold more, to more people'])),
    data: { values },
    // A shared y scale (the facet default) keeps the two panels comparable at a glance.
    facet: { row: { field: 'series', type: 'nominal', title: null, sort: PANELS.map((k) => METRIC_BY_KEY[k].label), header: { labelFontSize: 13, labelFontWeight: 'bold', labelAngle: 0, labelAnchor: 'start', labelOrient: 'top' } } },
    spec: { width: WIDTH, height: 180, layer: bandLayers(scenario, data, yTitle) },
  };
}

export const build = (scenario: Scenario, results: readonly RunResult[]): VlSpec => womChart(timeData(scenario, results, PANELS, WOM_WEEKLY_ABOVE_DAYS), scenario);
