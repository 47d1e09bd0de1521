/**
 * Symbols of extremism (F11): concrete, retellable over-the-top details (365-day returns,
 * vacuuming the car mats) that give customers something to talk about. Their conversation value
 * CV adds to the probability of talking after a non-negative experience (wom.ts); they cost a
 * fixed amount per day plus an amount per customer episode.
 */
import { nonneg, prob, section } from '../fields.js';
import type { Mechanism } from '../mechanism.js';

const sections = {
  symbols: section(
    {
      conversationValue: prob(0, 'Talk probability added after a non-negative episode by symbols of extremism (F11).'),
      costPerDay: nonneg(0, 'Fixed cost of the symbols per day.'),
      costPerEpisode: nonneg(0, 'Cost of the symbol per customer episode (e.g. vacuuming the car mats).'),
    },
    'Symbols of extremism: concrete, retellable over-the-top details that give customers something to talk about (F11).',
  ),
};

const metrics = [{ key: 'symbolCost', label: 'Symbol cost', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Cost of symbols of extremism: per day plus per episode.' }] as const;

export const symbols: Mechanism<typeof sections, { costPerDay: number; costPerEpisode: number }, (typeof metrics)[number]['key']> = {
  name: 'symbols',
  doc: 'Symbols of extremism: conversation value for good experiences, at a cost (§11, F11).',
  sections,
  metrics,
  compile: (p) => ({ costPerDay: p.symbols.costPerDay, costPerEpisode: p.symbols.costPerEpisode }),
  setup(run, cfg) {
    const cost = run.counter('symbolCost'), episodes = run.counter('episodes');
    return {
      close() {
        run.counts[cost] += cfg.costPerDay + cfg.costPerEpisode * run.counts[episodes];
      },
    };
  },
};
