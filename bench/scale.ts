/**
 * The default scenario scaled to a number of customers, for the benchmark: the firm keeps its
 * 25% share of a market four times its size, and marketing and staff grow with it (2 employees
 * per 5,000 customers). Plain data in and out, so the same scaling applies to the engine of
 * any commit (bench/baseline.ts).
 */
type Json = Record<string, any>;

export function scaledDefault(base: Json, customers: number, merge: (a: unknown, b: unknown) => unknown): Json {
  const scale = customers / base.market.initialCustomers;
  return merge(base, {
    market: { size: base.market.size * scale, initialCustomers: customers },
    acquisition: { spendPerDay: base.acquisition.spendPerDay * scale },
    service: { employees: Math.round(base.service.employees * scale) },
  }) as Json;
}
