/**
 * The contact centre: a discrete-event simulation in minutes that runs inside each day.
 * Problems (cases) and questions become contacts that arrive in a channel at a time of day;
 * callers in a closed synchronous channel wait for it to open (F13); contacts queue (callers
 * first, then written contacts, first come first served) for the employees on duty whenever
 * any channel is open; callers may hang up. A problem contact is solved, closed unsolved (the
 * firm's ticket is done, the customer's problem is not, F8/F12) or, without autonomy, escalated
 * for permission (F9); unsolved customers try again. Tables are typed arrays; events a heap.
 */
import type { Rng } from '../../random/streams.js';
import { EventHeap } from '../eventHeap.js';
import { MAJOR_SEVERITY, RESOLVED, RESOLVED_QUICKLY, UNRESOLVED } from '../vocabulary.js';
import { dayStart, isOpen, MINUTES_PER_DAY, nextOpening, openMinutes, weekdayOf } from './calendar.js';
import { newDeskStats, type DeskKind, type DeskReport, type ServiceDesk } from './desk.js';
import { contactScore, delightChance, drawHandleMinutes, meanHandleMinutes, solveChance, type ContactFeel } from './handling.js';
import type { ServiceConfig } from './serviceConfig.js';
import { demandRota, fixedRota } from './rota.js';
import { hireStaff, meanSkill, staffDay, updateEngagement, type Staff } from './staff.js';
import { Fifo, IdPool } from './tables.js';

const ARRIVAL = 0, DONE = 1, ABANDON = 2, WAKE = 3, APPROVAL = 4, SHIFT = 5;
const SCHEDULED = 1, QUEUED = 2, SERVING = 3, GONE = 4; // contact status
const QUESTION = -1;

export const contactCentre: DeskKind = {
  questions: true,
  create(run, svc, report) {
    return createContactCentre(run.pop.column('segment', 'u8'), svc, report, run.stream('staff'), () => run.stream('staffTurnover'));
  },
};

/**
 * A contact centre for customers of the given segments; staff hired from `hireRng`, their
 * turnover drawn from the day's `turnoverStream()`.
 */
export function createContactCentre(segment: Uint8Array, svc: ServiceConfig, report: DeskReport, hireRng: Rng, turnoverStream: () => Rng = () => hireRng): ServiceDesk {
  const staff = hireStaff(svc, hireRng);
  const stats = newDeskStats();
  stats.engagement = svc.staff.engagementInitial; // day 0 records the staff as hired
  stats.meanSkill = meanSkill(staff);
  // What the staff felt yesterday (staff.ts): feedback relative to expectation, and utilisation.
  const climate = { feedback: 0, utilisation: 0 };
  const meanExpected = svc.asExpected.reduce((a, b) => a + b, 0) / svc.asExpected.length;
  const events = new EventHeap();
  // Contacts and cases: columns indexed by id, ids recycled.
  const contacts = new IdPool(['agent', 'case', 'channel', 'status', 'escalate'], ['origin', 'arrive', 'start', 'handle', 'abandonAt']);
  const cases = new IdPool(['agent', 'severity', 'channel', 'contacts'], ['lastScore', 'shortfall']);
  const ct = contacts.int, ctT = contacts.float, cs = cases.int, csF = cases.float;
  const syncQueue = new Fifo(), asyncQueue = new Fifo(), idle = new Fifo();
  const queues = [syncQueue, asyncQueue]; // callers first
  const serving = new Int32Array(svc.employees).fill(-1);
  for (let e = 0; e < svc.employees; e++) idle.push(e);
  // Who is on duty (rota.ts): everyone, fixed; by demand, set at every hour the desk is open.
  const byDemand = svc.staffing.mode === 'demand';
  const onDuty = new Uint8Array(svc.employees).fill(1);
  const rota = byDemand ? demandRota(svc, plannedHandleMinutes(svc, staff)) : fixedRota(svc);
  let paidMinutes = 0;
  let openByHour: Float64Array = new Float64Array(24);
  // Today's new matters, turned into contacts in step() with the service stream.
  const newAgent = new Fifo(), newCase = new Fifo();
  let rng: Rng = () => 0;

  const asExpected = (agent: number) => svc.asExpected[segment[agent]];
  const deskOpen = (t: number) => svc.channels.some((ch) => isOpen(ch.hours, t, svc.startWeekday));

  function pickChannel(): number {
    const u = rng();
    let k = 0;
    while (k < svc.channelCum.length - 1 && u >= svc.channelCum[k]) k++;
    return k;
  }

  /** A contact for (agent, case) wanting service at minute `origin`. */
  function newContact(agent: number, caseId: number, channel: number, origin: number): void {
    const x = contacts.alloc();
    ct.agent[x] = agent;
    ct.case[x] = caseId;
    ct.channel[x] = channel;
    ct.status[x] = SCHEDULED;
    ct.escalate[x] = 0;
    ctT.origin[x] = origin;
    const ch = svc.channels[channel];
    const arrive = ch.synchronous ? callMoment(ch, origin) : origin;
    ctT.arrive[x] = arrive;
    if (arrive < Infinity) events.push(arrive, x * 8 + ARRIVAL);
  }

  /**
   * When a caller who wanted contact at `origin` gets through to a synchronous channel: at once
   * if it is open, otherwise at a random moment of its next open period within the customers'
   * contact window (callers do not all ring at the stroke of opening).
   */
  function callMoment(ch: ServiceConfig['channels'][number], origin: number): number {
    const opening = nextOpening(ch.hours, origin, svc.startWeekday);
    if (opening === origin || opening === Infinity) return opening;
    const day = dayStart(Math.floor(opening / MINUTES_PER_DAY) + 1);
    const from = Math.max(opening, day + svc.arrivalFrom), to = Math.min(day + ch.hours.close * 60, day + svc.arrivalTo);
    return to > from ? from + rng() * (to - from) : opening + rng() * (day + ch.hours.close * 60 - opening);
  }

  /** A random minute of day d: by the hourly pattern when given, else uniform in the contact window. */
  function momentOf(d: number): number {
    const hours = svc.hourCum;
    if (hours === null) return dayStart(d) + svc.arrivalFrom + rng() * (svc.arrivalTo - svc.arrivalFrom);
    const u = rng();
    let h = 0;
    while (h < 23 && u >= hours[h]) h++;
    return dayStart(d) + 60 * (h + rng());
  }

  /** Employees 0…c−1 are on duty from now; those leaving finish the contact in hand. */
  function setOnDuty(c: number): void {
    for (let e = 0; e < svc.employees; e++) {
      const duty = e < c ? 1 : 0;
      if (duty === onDuty[e]) continue;
      onDuty[e] = duty;
      if (duty === 1 && serving[e] < 0) idle.push(e);
    }
    idle.filter((e) => onDuty[e] === 1);
  }

  /** The hour-of-week slot (0–167) in which a contact arriving at minute t needs an employee: the next open minute. */
  function slotOf(t: number): number {
    let at = t;
    if (!deskOpen(t)) {
      at = Infinity;
      for (const ch of svc.channels) at = Math.min(at, nextOpening(ch.hours, t, svc.startWeekday));
      if (at === Infinity) at = t;
    }
    const day = Math.floor(at / MINUTES_PER_DAY) + 1;
    return weekdayOf(day, svc.startWeekday) * 24 + Math.floor((at - dayStart(day)) / 60);
  }

  function dispatch(t: number): void {
    if (!deskOpen(t)) return;
    while (idle.length > 0) {
      const x = nextQueued();
      if (x < 0) return;
      const e = idle.shift();
      const ch = svc.channels[ct.channel[x]];
      ct.status[x] = SERVING;
      ctT.start[x] = t;
      const wait = t - ctT.arrive[x];
      stats.contactsStarted++;
      stats.waitMinutesTotal += wait;
      if (wait <= ch.targetMinutes) stats.answeredInTarget++;
      const escalate = ct.case[x] !== QUESTION && !svc.autonomy && rng() < svc.handling.approvalShare;
      ct.escalate[x] = escalate ? 1 : 0;
      const h = drawHandleMinutes(svc, meanHandleMinutes(svc, ch, staff, e), rng) + (escalate ? svc.handling.approvalMinutes : 0);
      ctT.handle[x] = h;
      serving[e] = x;
      events.push(t + h, e * 8 + DONE);
    }
  }

  function nextQueued(): number {
    for (const q of queues) {
      while (q.length > 0) {
        const x = q.shift();
        if (ct.status[x] === QUEUED) return x;
        contacts.free(x); // hung up while queued
      }
    }
    return -1;
  }

  function endCase(c: number, outcome: number, score: number): void {
    stats.casesEnded++;
    stats.caseContacts += cs.contacts[c];
    if (outcome !== UNRESOLVED) stats.casesSolved++;
    if (outcome === RESOLVED_QUICKLY) stats.casesSolvedFirst++;
    report.caseEnded(cs.agent[c], cs.severity[c], csF.shortfall[c], outcome, score);
    cases.free(c);
  }

  /** A contact about case c did not solve it: the customer tries again, or gives up. */
  function attemptFailed(c: number, t: number, score: number): void {
    const k = cs.contacts[c];
    csF.lastScore[c] = score;
    if (k < svc.handling.maxContacts && rng() < Math.pow(svc.handling.retryProbability, k)) {
      const day = Math.floor(t / MINUTES_PER_DAY) + 1 + svc.handling.retryDelayDays;
      newContact(cs.agent[c], c, cs.channel[c], momentOf(day));
    } else endCase(c, UNRESOLVED, score);
  }

  /** How contact x felt; the customer counts waiting from when they wanted contact (F13), not from the queue. */
  function feel(x: number, result: ContactFeel['result'], e: number, pitched: boolean, delighted: boolean, earlier: number, until: number): number {
    const ch = svc.channels[ct.channel[x]];
    return contactScore(svc, {
      asExpected: asExpected(ct.agent[x]), result, waitMinutes: until - ctT.origin[x], toleranceMinutes: ch.toleranceMinutes,
      earlierContacts: earlier, pitched, delighted, fit: e < 0 ? 0 : staff.fit[e], served: e >= 0,
    });
  }

  function finish(x: number, e: number, t: number): void {
    stats.contactsAnswered++;
    stats.handleMinutesTotal += ctT.handle[x];
    const c = ct.case[x];
    const pitched = rng() < svc.reward.upsellRate;
    const sold = pitched && rng() < svc.upsell.success;
    if (sold) stats.upsellRevenue += svc.upsell.margin;
    report.served?.(ct.agent[x], ctT.handle[x], 0, sold ? svc.upsell.margin : 0);
    if (c === QUESTION) {
      const solved = rng() < solveChance(svc, staff, e, true);
      if (solved || rng() < svc.reward.closeUnsolved) stats.closedFirst++;
      const score = feel(x, solved ? 'solved' : 'unsolved', e, pitched, solved && rng() < delightChance(svc, staff, e), 0, ctT.start[x]);
      stats.contactScoreTotal += score;
      report.contact(ct.agent[x], score);
      report.questionEnded(ct.agent[x], score);
      contacts.free(x);
      return;
    }
    const earlier = cs.contacts[c]++;
    let result: ContactFeel['result'];
    // Cases that need a decision in the customer's favour are escalated without autonomy and
    // decided on the spot with it (F9); the rest are solved by skill.
    if (ct.escalate[x] === 1) result = 'escalated';
    else if ((svc.autonomy && rng() < svc.handling.approvalShare) || rng() < solveChance(svc, staff, e)) result = 'solved';
    else result = rng() < svc.reward.closeUnsolved ? 'closedUnsolved' : 'unsolved';
    if (result === 'solved' || result === 'closedUnsolved') stats.closedFirst++;
    const delighted = (result === 'solved' || result === 'escalated') && rng() < delightChance(svc, staff, e);
    const score = feel(x, result, e, pitched, delighted, earlier, ctT.start[x]);
    stats.contactScoreTotal += score;
    report.contact(ct.agent[x], score);
    contacts.free(x);
    if (result === 'escalated') {
      csF.lastScore[c] = score;
      events.push(t + svc.handling.approvalDelayDays * MINUTES_PER_DAY, c * 8 + APPROVAL);
    } else if (result === 'solved') {
      if (svc.autonomy && cs.severity[c] >= MAJOR_SEVERITY && rng() < svc.goodwill.autonomousProbability) {
        stats.goodwillCost += svc.goodwill.autonomousAmount;
        report.served?.(cs.agent[c], 0, svc.goodwill.autonomousAmount, 0);
      }
      endCase(c, earlier === 0 ? RESOLVED_QUICKLY : RESOLVED, score);
    } else attemptFailed(c, t, score);
  }

  function handle(t: number, code: number): void {
    const type = code & 7, id = code >> 3;
    if (type === ARRIVAL) {
      ct.status[id] = QUEUED;
      stats.contactsArrived++;
      const ch = svc.channels[ct.channel[id]];
      (ch.synchronous ? syncQueue : asyncQueue).push(id);
      if (byDemand) rota.offered(slotOf(t));
      // The hang-up event names the contact id, and ids are recycled: it counts only if it is
      // still this contact's own moment (a later contact reusing the id has its own, or none).
      ctT.abandonAt[id] = ch.patienceMinutes > 0 ? t - ch.patienceMinutes * Math.log(1 - rng()) : NaN;
      if (ch.patienceMinutes > 0) events.push(ctT.abandonAt[id], id * 8 + ABANDON);
      dispatch(t);
    } else if (type === DONE) {
      const x = serving[id];
      serving[id] = -1;
      if (onDuty[id] === 1) idle.push(id);
      rota.handled(ctT.handle[x]);
      finish(x, id, t);
      dispatch(t);
    } else if (type === ABANDON) {
      if (ct.status[id] !== QUEUED || ctT.abandonAt[id] !== t) return;
      ct.status[id] = GONE; // freed when the queue reaches it
      stats.contactsAbandoned++;
      const c = ct.case[id];
      const score = feel(id, 'unsolved', -1, false, false, c === QUESTION ? 0 : cs.contacts[c], t);
      report.contact(ct.agent[id], score);
      if (c === QUESTION) report.questionEnded(ct.agent[id], score);
      else {
        cs.contacts[c]++;
        attemptFailed(c, t, score);
      }
    } else if (type === WAKE) dispatch(t);
    else if (type === SHIFT) {
      // Hour `id` of the day: staff it for its forecast load, or send everyone home while closed.
      const day = Math.floor(t / MINUTES_PER_DAY) + 1;
      const c = openByHour[id] > 0 ? rota.onDuty(day, id) : 0;
      paidMinutes += c * openByHour[id];
      setOnDuty(c);
      dispatch(t);
    }
    else if (type === APPROVAL) {
      if (rng() < svc.goodwill.approvedProbability) {
        stats.goodwillCost += svc.goodwill.approvedAmount;
        report.served?.(cs.agent[id], 0, svc.goodwill.approvedAmount, 0);
      }
      endCase(id, RESOLVED, csF.lastScore[id]);
    }
  }

  return {
    stats,
    submit(agent, severity, shortfall) {
      const c = cases.alloc();
      cs.agent[c] = agent;
      cs.severity[c] = severity;
      csF.shortfall[c] = shortfall;
      cs.contacts[c] = 0;
      newAgent.push(agent);
      newCase.push(c);
    },
    ask(agent) {
      newAgent.push(agent);
      newCase.push(QUESTION);
    },
    step(day, dayRng) {
      rng = dayRng;
      if (stats.contactsAnswered > 0) climate.feedback = Math.max(-1, Math.min(1, (stats.contactScoreTotal / stats.contactsAnswered - meanExpected) / meanExpected));
      climate.utilisation = stats.staffMinutes > 0 ? stats.handleMinutesTotal / stats.staffMinutes : 0;
      Object.assign(stats, newDeskStats());
      stats.engagement = updateEngagement(svc, staff, climate);
      // A replacement takes over whatever the leaver had in hand.
      stats.staffLeft = staffDay(svc, staff, turnoverStream(), () => {});
      stats.hiringCost = stats.staffLeft * svc.staff.hiringCost;
      stats.meanSkill = meanSkill(staff);
      paidMinutes = byDemand ? 0 : svc.employees * deskOpenMinutes(svc, day);
      if (byDemand) {
        openByHour = openMinutesByHour(svc, day);
        for (let h = 0; h < 24; h++) events.push(dayStart(day) + 60 * h, h * 8 + SHIFT);
      }
      for (const ch of svc.channels) if (openMinutes(ch.hours, day, svc.startWeekday) > 0) events.push(dayStart(day) + ch.hours.open * 60, WAKE);
      while (newAgent.length > 0) {
        const agent = newAgent.shift(), c = newCase.shift();
        const channel = pickChannel();
        if (c !== QUESTION) cs.channel[c] = channel;
        newContact(agent, c, channel, momentOf(day));
      }
      const end = dayStart(day + 1);
      while (events.peekTime() < end) {
        const t = events.peekTime(), code = events.peekId();
        events.pop();
        handle(t, code);
      }
      stats.staffMinutes = paidMinutes;
      stats.staffCost = (paidMinutes / 60) * svc.costPerEmployeeHour;
      let busy = 0;
      for (let e = 0; e < svc.employees; e++) if (serving[e] >= 0) busy++;
      stats.contactsWaiting = contacts.count(QUEUED, ct.status) + busy;
    },
  };
}

/** The planned mean handle time: the channels' means for an average employee, weighted by their shares. */
function plannedHandleMinutes(svc: ServiceConfig, staff: Staff): number {
  let sum = 0, prev = 0;
  svc.channels.forEach((ch, k) => {
    let mean = 0;
    for (let e = 0; e < staff.n; e++) mean += meanHandleMinutes(svc, ch, staff, e) / staff.n;
    sum += (svc.channelCum[k] - prev) * mean;
    prev = svc.channelCum[k];
  });
  return sum;
}

/** Minutes of each hour of day d during which at least one channel is open. */
export function openMinutesByHour(svc: ServiceConfig, day: number): Float64Array {
  const open = new Float64Array(24);
  for (let m = 0; m < MINUTES_PER_DAY; m++) if (svc.channels.some((ch) => isOpen(ch.hours, dayStart(day) + m + 0.5, svc.startWeekday))) open[Math.floor(m / 60)]++;
  return open;
}

/** Minutes on day d during which at least one channel is open (the staff's working time). */
export function deskOpenMinutes(svc: ServiceConfig, day: number): number {
  const intervals = svc.channels
    .filter((ch) => openMinutes(ch.hours, day, svc.startWeekday) > 0)
    .map((ch) => [ch.hours.open * 60, ch.hours.close * 60])
    .sort((a, b) => a[0] - b[0]);
  let total = 0, from = -1, to = -1;
  for (const [a, b] of intervals) {
    if (a > to) {
      total += to - from;
      from = a;
      to = b;
    } else to = Math.max(to, b);
  }
  return total + (to - from);
}

