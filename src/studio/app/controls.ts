/// <reference lib="dom" />
/**
 * The studio's controls: the strategy to compare with the baseline, days and replications, and
 * every lever of the schema grouped by section (a slider with the documented range and a number
 * box, a switch or a choice), each showing its documentation; changed levers are marked and can
 * be reset one by one. Changes are committed after a short pause, so dragging a slider runs once.
 */
import type { Scenario } from '../../scenario/schema.js';
import { getPath, leversFor, type Lever } from '../levers.js';
import type { StudioState } from '../state.js';

export interface ControlEvents {
  onChange: (next: StudioState) => void;
  onRedraw: () => void;
}

const DEBOUNCE_MS = 250;
let filterText = '';
/** Bumped on every redraw: controls of an earlier drawing (a blur fires `change` on a removed box) must not commit. */
let drawing = 0;
let pending: number | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const { dataset, ...rest } = props;
  const e = Object.assign(document.createElement(tag), rest);
  if (dataset) Object.assign(e.dataset, dataset);
  e.append(...children);
  return e;
}

export function buildControls(root: HTMLElement, scenario: Scenario, state: StudioState, events: ControlEvents): void {
  const from = scenario.strategies.find((s) => s.name === state.from) ?? scenario.strategies[0];
  // One live copy of the state that every control updates, so changes to several levers add up.
  const live: StudioState = { ...state, values: { ...state.values } };
  const mine = ++drawing;
  window.clearTimeout(pending);
  const commit = (delay = DEBOUNCE_MS) => {
    if (mine !== drawing) return;
    window.clearTimeout(pending);
    pending = window.setTimeout(() => mine === drawing && events.onChange({ ...live, values: { ...live.values } }), delay);
  };

  const strategy = el('select', { id: 'strategy' });
  for (const s of scenario.strategies) strategy.append(new Option(s === scenario.strategies[0] ? `${s.label} (baseline)` : s.label, s.name, false, s === from));
  strategy.addEventListener('change', () => {
    window.clearTimeout(pending);
    drawing++; // this drawing's levers belong to the strategy left behind
    events.onChange({ ...live, from: strategy.value, values: {} });
    events.onRedraw();
  });
  const number = (id: string, value: number, max: number, apply: (v: number) => StudioState) => {
    const input = el('input', { id, type: 'number', min: '1', max: String(max), step: '1', value: String(value) });
    input.addEventListener('change', () => {
      if (mine !== drawing) return;
      const v = Math.round(Number(input.value));
      if (Number.isSafeInteger(v) && v >= 1 && v <= max) events.onChange(apply(v));
      else input.value = String(value);
    });
    return input;
  };
  const days = number('days', state.days ?? scenario.days, 3650, (v) => ({ ...live, days: (live.days = v) }));
  const reps = number('replications', state.replications ?? scenario.replications, 100, (v) => ({ ...live, replications: (live.replications = v) }));
  const description = el('p', { className: 'strategy-description', textContent: from.description });

  const filter = el('input', { id: 'lever-filter', type: 'search', placeholder: 'Find a lever (e.g. employees, frustration)…', value: filterText });
  const reset = el('button', { type: 'button', id: 'reset-levers', textContent: 'Reset levers', disabled: Object.keys(state.values).length === 0 });
  reset.addEventListener('click', () => {
    window.clearTimeout(pending);
    drawing++;
    events.onChange({ ...live, values: {} });
    events.onRedraw();
  });

  const levers = leversFor(from.params);
  const sections = new Map<string, Lever[]>();
  for (const l of levers) sections.set(l.section, [...(sections.get(l.section) ?? []), l]);
  const groups = [...sections].map(([section, list]) => {
    const changed = list.filter((l) => l.path in state.values).length;
    const details = el('details', { className: 'section', open: changed > 0, dataset: { section } }, el('summary', {}, section, changed ? el('span', { className: 'badge', textContent: `${changed} changed` }) : ''));
    for (const lever of list) details.append(leverRow(lever, getPath(from.params, lever.path), live.values, commit, events));
    return details;
  });
  const applyFilter = () => {
    const q = filter.value.trim().toLowerCase();
    filterText = filter.value;
    for (const g of groups) {
      let shown = 0;
      for (const row of g.querySelectorAll<HTMLElement>('.lever')) {
        const hit = q === '' || (row.dataset.path ?? '').toLowerCase().includes(q) || (row.title ?? '').toLowerCase().includes(q);
        row.hidden = !hit;
        if (hit) shown++;
      }
      g.hidden = shown === 0;
      if (q !== '' && shown > 0) g.open = true;
    }
  };
  filter.addEventListener('input', applyFilter);

  root.replaceChildren(
    el('label', { className: 'field' }, 'Compare with the baseline: ', strategy),
    description,
    el('div', { className: 'row' }, el('label', { className: 'field' }, 'Days ', days), el('label', { className: 'field' }, 'Replications ', reps)),
    el('h2', {}, `Levers of “${from.label}”`),
    el('p', { className: 'hint' }, `${levers.length} levers with their documented ranges; a changed lever makes a what-if strategy.`),
    el('div', { className: 'row' }, filter, reset),
    ...groups,
  );
  applyFilter();
}

function leverRow(lever: Lever, original: unknown, values: Record<string, unknown>, commit: (delay?: number) => void, events: ControlEvents): HTMLElement {
  const value = lever.path in values ? values[lever.path] : original;
  const name = lever.path.split('.').slice(1).join('.');
  const row = el('div', { className: `lever${lever.path in values ? ' changed' : ''}`, title: lever.doc, dataset: { path: lever.path } });
  const set = (v: unknown, delay?: number) => {
    if (JSON.stringify(v) === JSON.stringify(original)) delete values[lever.path];
    else values[lever.path] = v;
    row.classList.toggle('changed', lever.path in values);
    commit(delay);
  };
  const label = el('label', { className: 'lever-name', textContent: name });
  let control: HTMLElement;
  if (lever.kind === 'boolean') {
    const box = el('input', { type: 'checkbox', checked: value === true });
    box.addEventListener('change', () => set(box.checked, 0));
    control = box;
  } else if (lever.kind === 'choice') {
    const select = el('select');
    for (const o of lever.options ?? []) select.append(new Option(o, o, false, o === value));
    select.addEventListener('change', () => set(select.value, 0));
    control = select;
  } else {
    const v = Number(value);
    const slider = el('input', { type: 'range', min: String(Math.min(lever.sliderMin ?? 0, v)), max: String(Math.max(lever.sliderMax ?? 1, v)), step: String(lever.step ?? 'any'), value: String(v) });
    const box = el('input', { type: 'number', className: 'lever-value', step: String(lever.step ?? 'any'), value: String(v) });
    if (lever.min !== undefined) box.min = String(lever.min);
    if (lever.max !== undefined) box.max = String(lever.max);
    const parse = (s: string) => (lever.kind === 'integer' ? Math.round(Number(s)) : Number(s));
    slider.addEventListener('input', () => {
      box.value = slider.value;
      set(parse(slider.value));
    });
    box.addEventListener('change', () => {
      const x = parse(box.value);
      if (!Number.isFinite(x)) return;
      slider.value = String(x);
      set(x, 0);
    });
    control = el('span', { className: 'lever-control' }, slider, box);
  }
  const undo = el('button', { type: 'button', className: 'lever-reset', title: `Back to ${JSON.stringify(original)}`, textContent: '↺' });
  undo.addEventListener('click', () => {
    delete values[lever.path];
    commit(0);
    window.setTimeout(events.onRedraw, 10);
  });
  row.append(label, control, undo, el('div', { className: 'lever-doc', textContent: lever.doc }));
  return row;
}
