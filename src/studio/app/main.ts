/// <reference lib="dom" />
/**
 * cxsim studio in the browser: load a scenario (served, from the address, or dropped), pick a
 * strategy, move its levers, and watch the paired comparison with the baseline build up
 * replication by replication, computed by the engine in web workers on the same seeds as
 * `cxsim compare`. State lives in the address; the what-if downloads as YAML or as a report.
 */
import type { Job } from '../../experiments/jobs.js';
import type { RunResult } from '../../model/metrics.js';
import { parseScenarioText } from '../../scenario/load.js';
import { ScenarioError } from '../../scenario/errors.js';
import type { Scenario } from '../../scenario/schema.js';
import { pairedRows, summaryRows, type PairedRow, type SummaryRow } from '../../outputs/tables.js';
import { candidateOf, tweakedYaml, type Candidate } from '../candidate.js';
import { decodeState, encodeState, fromBase64Url, toBase64Url, type StudioState } from '../state.js';
import { WorkerPool } from './pool.js';
import { renderResults, studioReport } from './results.js';
import { buildControls } from './controls.js';

interface Served {
  key: string;
  file: string;
  text: string;
}

interface Source {
  key?: string;
  file: string;
  text: string;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let served: Served[] = [];
let source: Source;
let scenario: Scenario;
let state: StudioState = { values: {} };
let current: Candidate | undefined;
let generation = 0;
let started = 0;
const cache = new Map<string, RunResult>();
const pool = new WorkerPool('./worker.js', Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 0)));

/** What the tests (and curious users, from the console) can read. */
const studio = {
  ready: false,
  done: false,
  runs: 0,
  /** Milliseconds from the start of the run to its first whole replication, and to its last. */
  firstMs: NaN,
  lastMs: NaN,
  summary: [] as SummaryRow[],
  paired: [] as PairedRow[],
  yaml: () => (current ? tweakedYaml(source.text, scenario, current) : ''),
  state: () => state,
};
(window as unknown as { cxsimStudio: typeof studio }).cxsimStudio = studio;

async function init(): Promise<void> {
  served = await (await fetch('./scenarios.json')).json();
  const { state: fromHash, packedText } = decodeState(location.hash);
  const picked = served.find((s) => s.key === fromHash.scenario) ?? served[0];
  if (packedText) {
    try {
      load({ file: fromHash.file ?? 'shared.yaml', text: await inflate(packedText) }, fromHash);
      return;
    } catch {
      showProblems('The scenario in this link could not be read (cut off?); showing a bundled one instead.');
    }
  }
  if (picked) load(picked, fromHash);
}

/** Validates and shows a scenario; on problems, lists them (file:line:column, as the CLI does) and keeps the previous one. */
function load(src: Source, wanted: StudioState = { values: {} }): void {
  let parsed: Scenario;
  try {
    parsed = parseScenarioText(src.text, src.file);
  } catch (e) {
    showProblems(e instanceof ScenarioError ? e.format() : `${src.file}: ${(e as Error).message}`);
    return;
  }
  showProblems('');
  source = src;
  scenario = parsed;
  state = { scenario: src.key, file: src.key ? undefined : src.file, text: src.key ? undefined : src.text, values: wanted.values ?? {}, from: wanted.from, days: wanted.days, replications: wanted.replications };
  if (!scenario.strategies.some((s) => s.name === state.from)) state.from = scenario.strategies[1]?.name ?? scenario.strategies[0].name;
  $('scenario-name').textContent = scenario.name;
  $('scenario-description').textContent = scenario.description;
  const picker = $<HTMLSelectElement>('scenario-picker');
  picker.replaceChildren(...served.map((s) => new Option(s.file, s.key, false, s.key === src.key)), ...(src.key ? [] : [new Option(src.file, '', true, true)]));
  drawControls();
  studio.ready = true;
  rerun();
}

function drawControls(): void {
  buildControls($('controls'), scenario, state, {
    onChange: (next) => {
      state = next;
      rerun();
    },
    onRedraw: () => drawControls(),
  });
}

const jobKey = (j: Job) => `${j.seed}|${j.days}|${j.replication}|${JSON.stringify(j.params)}`;

function rerun(): void {
  const gen = ++generation;
  pool.cancel();
  studio.done = false;
  studio.firstMs = studio.lastMs = NaN;
  const days = state.days ?? scenario.days;
  const replications = state.replications ?? scenario.replications;
  current = candidateOf(scenario, { from: state.from ?? scenario.strategies[0].name, values: state.values, days, replications });
  void updateHash();
  if (current.problems.length > 0) {
    showProblems(`These lever values are not a valid strategy:\n${current.problems.map((p) => `  ${p}`).join('\n')}`);
    setStatus('Not run: fix the values above.', 'invalid');
    return;
  }
  showProblems('');
  started = performance.now();
  const c = current;
  const jobs: Job[] = [];
  for (let r = 0; r < replications; r++)
    for (const s of c.pair.strategies) jobs.push({ key: `${s.name}|rep${r}`, strategy: s.name, params: s.params, seed: scenario.seed, replication: r, days });
  const progress = () => {
    if (gen !== generation) return;
    const results = finished(c, jobs);
    const reps = results.length / c.pair.strategies.length;
    studio.runs = results.length;
    studio.summary = summaryRows(c.pair, results);
    studio.paired = pairedRows(c.pair, results);
    const done = reps === replications;
    setStatus(`${reps} of ${replications} replications · ${((performance.now() - started) / 1000).toFixed(1)} s${done ? '' : ' · running in ' + pool.size + ' web workers'}`, done ? 'done' : 'running');
    if (reps > 0) scheduleRender(c, results, done);
    if (reps > 0 && Number.isNaN(studio.firstMs)) studio.firstMs = performance.now() - started;
    if (done) studio.lastMs = performance.now() - started;
    if (done) studio.done = true;
  };
  for (const job of jobs) {
    if (cache.has(jobKey(job))) continue;
    void pool.run(job).then((result) => {
      cache.set(jobKey(job), result);
      progress();
    });
  }
  progress();
}

/** Results of whole replications (baseline and candidate both done), replication order. */
function finished(c: Candidate, jobs: Job[]): RunResult[] {
  const out: RunResult[] = [];
  const per = c.pair.strategies.length;
  for (let i = 0; i < jobs.length; i += per) {
    const rep = jobs.slice(i, i + per).map((j) => cache.get(jobKey(j)));
    if (rep.every(Boolean)) out.push(...rep.map((r, k) => ({ ...r!, strategy: jobs[i + k].strategy })));
  }
  return out;
}

let renderTimer: number | undefined;
let pendingRender: (() => void) | undefined;
/** Draws at most every 250 ms while runs come in, and at once when the last one is done. */
function scheduleRender(c: Candidate, results: RunResult[], done: boolean): void {
  pendingRender = () => void renderResults($('results'), c, results);
  if (done) {
    window.clearTimeout(renderTimer);
    renderTimer = undefined;
    pendingRender();
    return;
  }
  renderTimer ??= window.setTimeout(() => {
    renderTimer = undefined;
    pendingRender?.();
  }, 250);
}

function setStatus(text: string, kind: string): void {
  const el = $('status');
  el.textContent = text;
  el.dataset.state = kind;
}

function showProblems(text: string): void {
  const el = $('problems');
  el.textContent = text;
  el.hidden = text === '';
}

async function updateHash(): Promise<void> {
  const packed = state.text !== undefined ? toBase64Url(await deflate(state.text)) : undefined;
  history.replaceState(null, '', `#${encodeState({ ...state, text: undefined }, packed)}`);
}

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(packed: string): Promise<string> {
  const stream = new Blob([fromBase64Url(packed) as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

function download(name: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

const stem = () => (source.file.replace(/\.(ya?ml|json)$/i, '') || 'scenario').replace(/[^\w.-]+/g, '-');

function wire(): void {
  $('scenario-picker').addEventListener('change', (e) => {
    const key = (e.target as HTMLSelectElement).value;
    const s = served.find((x) => x.key === key);
    if (s) load(s);
  });
  $('open-file').addEventListener('change', async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) load({ file: file.name, text: await file.text() });
  });
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) document.body.classList.remove('dragging');
  });
  document.addEventListener('drop', async (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (file) load({ file: file.name, text: await file.text() });
  });
  $('copy-link').addEventListener('click', async () => {
    await updateHash();
    try {
      await navigator.clipboard.writeText(location.href);
      flash('copy-link', 'Link copied');
    } catch {
      window.prompt('Copy this link:', location.href);
    }
  });
  $('download-yaml').addEventListener('click', () => download(`${stem()}-studio.yaml`, studio.yaml(), 'text/yaml'));
  $('download-report').addEventListener('click', async () => {
    if (!current || studio.runs === 0) return;
    const html = await studioReport(current, finishedNow(), source.file);
    download(`${stem()}-studio-report.html`, html, 'text/html');
  });
}

function finishedNow(): RunResult[] {
  const c = current!;
  const days = c.pair.days;
  const jobs: Job[] = [];
  for (let r = 0; r < c.pair.replications; r++) for (const s of c.pair.strategies) jobs.push({ key: '', strategy: s.name, params: s.params, seed: scenario.seed, replication: r, days });
  return finished(c, jobs);
}

function flash(id: string, text: string): void {
  const el = $(id);
  const old = el.textContent;
  el.textContent = text;
  setTimeout(() => (el.textContent = old), 1500);
}

wire();
init().catch((e) => showProblems(`The studio could not start: ${(e as Error).message}`));
