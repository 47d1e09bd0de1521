/** Maps paths in a scenario to line:column in its YAML document, and YAML syntax errors to problems. */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, visit, type Document, type YAMLError } from 'yaml';
import { pathToString, type Problem } from './errors.js';

type Path = readonly (string | number)[];
const start = (node: unknown): number | undefined => (node as { range?: [number, number, number] } | null)?.range?.[0];
const keyText = (key: unknown): string => (isScalar(key) ? String(key.value) : String(key));

/** A LineCounter for text the YAML parser has not read (a JSON syntax error, an encoding problem). */
export function lineCounterOf(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lc.addNewLine(at + 1);
  return lc;
}

/** 1-based line and column of a character offset. */
export function position(lc: LineCounter, offset: number | undefined): { line: number; column: number } {
  const { line, col } = lc.linePos(offset ?? 0);
  return { line, column: col };
}

/**
 * Offset of `path` in the document: the value for scalars, the key for sections and lists (their
 * first line is more telling than their first entry), or `atKey` the key itself. When the path goes
 * deeper than the document (a missing key), the deepest existing node is used.
 */
export function offsetOf(doc: Document, path: Path, atKey = false): number {
  let node: unknown = doc.contents;
  let keyAt: number | undefined;
  for (let i = 0; i < path.length; i++) {
    let next: unknown;
    let nextKeyAt: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(path[i]));
      if (!pair) break;
      [next, nextKeyAt] = [pair.value, start(pair.key)];
    } else if (isSeq(node) && Number.isInteger(Number(path[i])) && Number(path[i]) < node.items.length) {
      next = node.items[Number(path[i])];
    } else break;
    if (atKey && i === path.length - 1) return nextKeyAt ?? start(next) ?? keyAt ?? 0;
    [node, keyAt] = [next, nextKeyAt ?? keyAt];
    if (node == null || isAlias(node)) break;
  }
  const collection = node == null || isMap(node) || isSeq(node);
  return (collection ? (keyAt ?? start(node)) : (start(node) ?? keyAt)) ?? 0;
}

/** The path of the deepest key or value containing `offset` (used to name the setting a syntax error is in). */
export function pathAt(doc: Document, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  const within = (n: unknown) => {
    const r = (n as { range?: [number, number, number] } | null)?.range;
    return r !== undefined && r[0] <= offset && offset < Math.max(r[2], r[0] + 1);
  };
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => within(p.key) || within(p.value));
      if (!pair) return path;
      path.push(keyText(pair.key));
      if (within(pair.key)) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex(within);
      if (i < 0) return path;
      path.push(i);
      node = node.items[i];
    } else return path;
  }
}

/** Names of the entries of the map at `path`, in file order. */
export function keysAt(doc: Document, path: Path): string[] {
  const node = doc.getIn(path, true);
  return isMap(node) ? node.items.map((p) => keyText(p.key)) : [];
}

/** YAML errors as problems: syntax errors first, then duplicate keys, each in file order. */
export function yamlProblems(doc: Document, lc: LineCounter, file: string): Problem[] {
  const errs = [...doc.errors].sort((a, b) => Number(a.code === 'DUPLICATE_KEY') - Number(b.code === 'DUPLICATE_KEY') || a.pos[0] - b.pos[0]);
  return errs.map((e) => {
    const path = pathAt(doc, e.pos[0]);
    // Around a syntax error the document's keys are guesses, so only a duplicate key names its setting.
    const shown = e.code === 'DUPLICATE_KEY' ? pathToString(path) : '';
    return { file, ...position(lc, e.pos[0]), path: shown, message: yamlMessage(e, doc, lc, path) };
  });
}

function yamlMessage(e: YAMLError, doc: Document, lc: LineCounter, path: (string | number)[]): string {
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      const key = String(path[path.length - 1] ?? '');
      const first = offsetOf(doc, path, true);
      const where = first < e.pos[0] ? ` (first set on line ${position(lc, first).line})` : '';
      return `duplicate key \`${key}\`${where}: each key may appear only once in a section`;
    }
    case 'TAB_AS_INDENT': return 'YAML syntax error: tabs are not allowed for indentation; indent with spaces';
    case 'MULTIPLE_DOCS': return 'YAML syntax error: a scenario file holds one document; remove the second `---`';
    default: {
      // yaml's message repeats the position and quotes the source; the location column already says where.
      const text = e.message.split(/ at line \d+, column \d+/)[0].trim();
      return `YAML syntax error: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
    }
  }
}

/** Offset of the first alias whose anchor is not defined before it (yaml's toJS throws on it without a position). */
export function unresolvedAlias(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) === undefined) {
        found = start(node);
        return visit.BREAK;
      }
    },
  });
  return found;
}

/**
 * Keys JavaScript objects cannot hold as data (`__proto__`): parsers and zod drop such an entry
 * without a word, so a channel or strategy of that name would vanish. Returns each one's path and offset.
 */
export function reservedKeys(doc: Document): { path: (string | number)[]; offset: number }[] {
  const found: { path: (string | number)[]; offset: number }[] = [];
  visit(doc, {
    Pair(_, pair, path) {
      if (keyText(pair.key) !== '__proto__') return;
      const keys: (string | number)[] = [];
      for (const node of path) if (isPair(node)) keys.push(keyText(node.key));
      found.push({ path: [...keys, '__proto__'], offset: start(pair.key) ?? 0 });
    },
  });
  return found;
}
