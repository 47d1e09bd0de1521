/**
 * Complaints (§5, F2 and TARP): a customer with a problem complains to headquarters with
 * probability h_sev, to a front-line person only with probability l_sev, and stays silent
 * otherwise. A voiced complaint becomes a case for the service desk; a silent problem ends at
 * once (outcome SILENT) and the customer may tell others about it. Management hears only the
 * headquarters complaints.
 */
import { prob, round6, section } from '../fields.js';
import type { Mechanism } from '../mechanism.js';
import { RESOLVED, SEVERITIES, SILENT } from '../vocabulary.js';

const channelPropensity = (frontLine: number, headquarters: number, what: string) =>
  section(
    {
      frontLine: prob(frontLine, `Probability a customer with ${what} complains to a front-line person only.`),
      headquarters: prob(headquarters, `Probability a customer with ${what} complains to headquarters (heard by management).`),
    },
    `Complaint propensity for ${what}, by channel; frontLine + headquarters ≤ 1, the rest stay silent.`,
  );

const sections = {
  complaints: section(
    {
      minor: channelPropensity(0.46, 0.04, 'a minor (small-ticket) problem'),
      moneyLost: channelPropensity(0.4, 0.225, 'a problem that cost money'),
      mistreatment: channelPropensity(0.15, 0.025, 'mistreatment or incompetence'),
    },
    'Who complains where (F2 and TARP): the firm hears headquarters complaints; front-line complaints are handled but not counted.',
  ),
};

const metrics = [
  { key: 'complaintsVoiced', label: 'Complaints voiced', unit: 'complaints/day', kind: 'flow', doc: 'Problems complained about, front line or headquarters.' },
  { key: 'complaintsHeard', label: 'Complaints heard', unit: 'complaints/day', kind: 'flow', doc: 'Complaints that reach headquarters: what management sees (F2).' },
  { key: 'resolved', label: 'Complaints resolved', unit: 'complaints/day', kind: 'flow', doc: 'Voiced complaints resolved (quickly or not).' },
  { key: 'heardShare', label: 'Complaints heard ÷ dissatisfied in reality', unit: '%', kind: 'ratio', doc: 'What management hears of the problems customers had (F2).', ratio: { num: 'complaintsHeard', den: 'problems', scale: 100 } },
] as const;

export interface ComplaintsConfig {
  /** By severity: P(headquarters), P(headquarters or front line). */
  headquarters: Float64Array;
  voiced: Float64Array;
}

export const complaints: Mechanism<typeof sections, ComplaintsConfig, (typeof metrics)[number]['key']> = {
  name: 'complaints',
  doc: 'Who complains where, by severity and channel (§5, F2, TARP).',
  sections,
  metrics,
  check(p, issue) {
    for (const sev of SEVERITIES) {
      const c = p.complaints[sev];
      if (c.frontLine + c.headquarters > 1 + 1e-9) issue(['complaints', sev], `frontLine + headquarters = ${round6(c.frontLine + c.headquarters)} exceeds 1`);
    }
  },
  compile(p) {
    return {
      headquarters: Float64Array.from(SEVERITIES, (s) => p.complaints[s].headquarters),
      voiced: Float64Array.from(SEVERITIES, (s) => p.complaints[s].headquarters + p.complaints[s].frontLine),
    };
  },
  setup(run, cfg) {
    const [voiced, heard, resolved] = ['complaintsVoiced', 'complaintsHeard', 'resolved'].map((k) => run.counter(k));
    const counts = run.counts;
    return {
      problem(i, severity, shortfall, score) {
        const u = run.stream('complaints')();
        if (u < cfg.voiced[severity]) {
          counts[voiced]++;
          if (u < cfg.headquarters[severity]) counts[heard]++;
          run.emit.complaint(i, severity, shortfall);
        } else {
          run.emit.caseEnded(i, severity, shortfall, SILENT, score);
          run.emit.story(i, score);
        }
      },
      caseEnded(_i, _severity, _shortfall, outcome) {
        if (outcome >= RESOLVED) counts[resolved]++;
      },
    };
  },
};
