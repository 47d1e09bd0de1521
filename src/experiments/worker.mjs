// Worker threads do not inherit the tsx loader that bin/cxsim.js, `node --import tsx` or vitest
// set up in the main thread (not even through execArgv on Node 20), so the pool starts this
// plain-JS shim, which registers tsx and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
const { default: runJobInWorker } = await import('./worker.ts');

export default runJobInWorker;
