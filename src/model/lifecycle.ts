/** Lifecycle states of a person in the market (Population.state). */
export const PROSPECT = 0, CUSTOMER = 1, CHURNED = 2;
