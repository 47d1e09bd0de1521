/**
 * Everything a mechanism needs on a day, passed to the per-agent functions so the engine can
 * fuse mechanisms into few passes over the population without them sharing hidden state.
 */
import type { Rng } from '../random/streams.js';
import type { ModelConfig } from './config.js';
import type { Population } from './population.js';
import type { ServiceDesk } from './service/desk.js';
import type { Tally } from './tally.js';
import type { Wom } from './wom.js';

export interface Streams {
  episodeDays: Rng; // who has an episode today
  episodes: Rng; // what happens in it
  wom: Rng;
  service: Rng;
  adoption: Rng;
  churn: Rng;
  retention: Rng;
  questions: Rng;
}

export interface DayContext {
  pop: Population;
  cfg: ModelConfig;
  wom: Wom;
  desk: ServiceDesk;
  tally: Tally;
  day: number;
  rng: Streams;
}
