/** Lifecycle states of a person in the market (Population.state); RIVAL: a customer of a competitor (competition.ts). */
export const PROSPECT = 0, CUSTOMER = 1, CHURNED = 2, RIVAL = 3;
