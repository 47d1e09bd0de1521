/** Progress lines on a non-terminal stream, on a clock the test moves: nothing here depends on the machine's speed. */
import { describe, expect, it } from 'vitest';
import { makeIo } from '../../src/cli/io.js';
import { createProgress } from '../../src/cli/progress.js';

function setup() {
  let now = 0;
  let stderr = '';
  const io = makeIo({ stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, argv: [], now: () => now });
  return { io, tick: (ms: number) => (now += ms), stderr: () => stderr };
}

describe('progress', () => {
  it('says nothing during the first second, then a line each tenth with the time left, and nothing at the end', () => {
    const t = setup();
    const p = createProgress(t.io, 'cxsim', false, 'runs');
    t.tick(500);
    p.update(5, 10);
    expect(t.stderr()).toBe('');
    t.tick(500);
    p.update(6, 10); // 1 s for 6 runs: 4 left take about 0.67 s
    t.tick(1000);
    p.update(8, 10);
    p.update(10, 10);
    p.stop();
    expect(t.stderr()).toBe('cxsim: 60% (6/10 runs), about 1 s left\ncxsim: 80% (8/10 runs), about 1 s left\n');
  });

  it('says nothing when quiet, and nothing for a run that ends within the first second', () => {
    const quiet = setup();
    const q = createProgress(quiet.io, 'cxsim', true, 'runs');
    quiet.tick(5000);
    q.update(1, 2);
    const fast = setup();
    const f = createProgress(fast.io, 'cxsim', false, 'runs');
    fast.tick(900);
    f.update(1, 2);
    f.update(2, 2);
    expect(quiet.stderr() + fast.stderr()).toBe('');
  });
});
