/**
 * The model as registered: its mechanisms, in the order they act within each phase of the day
 * (engine/simulate.ts) and in which their sections and metrics appear. Adding a mechanism is a
 * module in mechanisms/ plus one line here (docs/EXTENDING.md).
 */
import { adoption } from './mechanisms/adoption.js';
import { churn } from './mechanisms/churn.js';
import { competition } from './mechanisms/competition.js';
import { complaints } from './mechanisms/complaints.js';
import { costToServe } from './mechanisms/costToServe.js';
import { economics } from './mechanisms/economics.js';
import { episodes } from './mechanisms/episodes.js';
import { loyalty } from './mechanisms/loyalty.js';
import { market } from './mechanisms/market.js';
import { recovery } from './mechanisms/recovery.js';
import { retention } from './mechanisms/retention.js';
import { service } from './mechanisms/service.js';
import { standing } from './mechanisms/standing.js';
import { survey } from './mechanisms/survey.js';
import { symbols } from './mechanisms/symbols.js';
import { wom } from './mechanisms/wom.js';

export const MECHANISMS = [
  market, // people, segments, lifecycle
  standing, // satisfaction, trust, NPS, advocacy
  episodes, // touchpoint episodes
  complaints, // who complains where
  service, // the service desk
  recovery, // quitting after a bad experience
  churn, // everyday churn
  retention, // save offers
  wom, // word of mouth
  adoption, // buying: marketing and word of mouth
  symbols, // symbols of extremism
  economics, // margin, premium, fixed costs, CLV
  loyalty, // a loyalty programme
  survey, // surveys: NPS and satisfaction as a firm measures them
  costToServe, // service cost and revenue per customer and segment (F18)
  competition, // competitors: switching to and from rivals, defectors' word of mouth
] as const;
