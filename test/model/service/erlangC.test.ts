/**
 * The contact centre's queue agrees with Erlang C (brief §3) on its own code path: Poisson
 * arrivals (a Poisson number of contacts per day at uniform times over 24 hours is a Poisson
 * process), exponential handle times with mean 1/μ, c identical employees whose engagement does
 * not move, one 24/7 channel, nobody hangs up.
 *
 * Tolerance: the queue's autocorrelation decays on a time scale of about
 * 1/(μ(√c − √a)²) minutes (≈ 1 day at 95% load here), so days are grouped into batches of
 * 10 days after a 20-day warm-up and the batch means treated as independent. The estimate must
 * lie within t(0.9995, B − 1)·SE of the theory (two-sided 99.9% per check, 6 checks).
 */
import quantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { createContactCentre } from '../../../src/model/service/contactCentre.js';
import { meanHandleMinutes } from '../../../src/model/service/handling.js';
import { compileService } from '../../../src/model/service/serviceConfig.js';
import { hireStaff } from '../../../src/model/service/staff.js';
import { stream } from '../../../src/random/streams.js';
import { paramsWith } from '../../helpers/model.js';

/** Erlang C: probability of waiting and mean wait for load a = λ/μ on c servers. */
export function erlangC(lambda: number, mu: number, c: number): { pWait: number; meanWait: number } {
  const a = lambda / mu;
  let term = 1, sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a); // a^c/c! · c/(c − a)
  const pWait = top / (sum + top);
  return { pWait, meanWait: pWait / (c * mu - lambda) };
}

const C = 5;
const HANDLE = 5; // minutes, before the factors below (all 1 at skill 0.5, engagement 0.5)

function simulateQueue(load: number, seed: number) {
  const p = paramsWith(
    {
      market: { size: 20, initialCustomers: 20 },
      wom: { network: { type: 'fullyMixed' } },
      service: {
        model: 'contactCentre',
        employees: C,
        staffing: { mode: 'fixed' }, // c agents all the time: the M/M/c queue
        arrivalFrom: 0,
        arrivalTo: 24,
        rewardScheme: 'satisfaction',
        rewards: { satisfaction: { handleTimeFactor: 1, upsellRate: 0 } },
        style: 'process',
        handling: { distribution: 'exponential' },
        staff: { skillMean: 0.5, skillSd: 0, fitSd: 0, engagementInitial: 0.5, engagementRate: 0, turnoverPerYear: 0 },
      },
    },
    { channels: { phone: { share: 1, hours: '24/7', synchronous: true, patienceMinutes: 0, targetMinutes: 0, handleMinutes: HANDLE } } },
  );
  const svc = compileService(p);
  const report = { contact() {}, caseEnded() {}, questionEnded() {} };
  const desk = createContactCentre(new Uint8Array(1), svc, report, stream(seed, 'staff'));
  const staff = hireStaff(svc, stream(seed, 'staff'));
  const mu = 1 / meanHandleMinutes(svc, svc.channels[0], staff, 0);
  const lambda = load * C * mu;
  const arrivals = stream(seed, 'arrivals');
  const warmUp = 20, batches = 40, batchDays = 10;
  const pWait: number[] = [], meanWait: number[] = [];
  let started = 0, waited = 0, waitMinutes = 0;
  for (let day = 1; day <= warmUp + batches * batchDays; day++) {
    // A Poisson(λ·1440) count: exponential gaps that fit in one day.
    for (let t = -Math.log(1 - arrivals()) / lambda; t < 1440; t += -Math.log(1 - arrivals()) / lambda) desk.ask(0);
    desk.step(day, stream(seed, 'day', day));
    if (day <= warmUp) continue;
    started += desk.stats.contactsStarted;
    waited += desk.stats.contactsStarted - desk.stats.answeredInTarget; // target 0: within target = no wait
    waitMinutes += desk.stats.waitMinutesTotal;
    if ((day - warmUp) % batchDays === 0) {
      pWait.push(waited / started);
      meanWait.push(waitMinutes / started);
      started = waited = waitMinutes = 0;
    }
  }
  return { lambda, mu, pWait, meanWait };
}

const meanSe = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  return { mean: m, se: sd / Math.sqrt(xs.length) };
};

describe('contact centre queue vs Erlang C (c = 5, exponential handle time 5 min)', () => {
  it('the formula matches a textbook value (a = 4, c = 5: P(wait) = 0.5541)', () => {
    expect(erlangC(4, 1, 5).pWait).toBeCloseTo(0.5541, 4);
  });

  for (const load of [0.5, 0.8, 0.95]) {
    it(`at ${load * 100}% load, probability of waiting and mean wait agree within the batch-means tolerance`, () => {
      const sim = simulateQueue(load, 11);
      const theory = erlangC(sim.lambda, sim.mu, C);
      const t = quantile(0.9995, sim.pWait.length - 1);
      const p = meanSe(sim.pWait), w = meanSe(sim.meanWait);
      expect(Math.abs(p.mean - theory.pWait), `P(wait) ${p.mean} vs ${theory.pWait} (SE ${p.se})`).toBeLessThanOrEqual(t * p.se);
      expect(Math.abs(w.mean - theory.meanWait), `mean wait ${w.mean} vs ${theory.meanWait} (SE ${w.se})`).toBeLessThanOrEqual(t * w.se);
      // The tolerance is informative: well below the quantity itself.
      expect(t * p.se).toBeLessThan(0.25 * theory.pWait);
    });
  }
});
