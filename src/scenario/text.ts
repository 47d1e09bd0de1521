/**
 * What text from a scenario file may contain, and how text is made safe where it is shown. The
 * schema rejects the characters below in names, labels and descriptions (fields.ts); the
 * functions here neutralise them wherever text reaches a terminal or a chart anyway (an unknown
 * key echoed in an error, a scenario built in code), so no input can drive a terminal or break
 * an SVG.
 */
import { z } from 'zod';

/**
 * Characters no scenario text may contain: C0 controls (tab and line feed aside), DEL, C1 controls
 * (U+0080–U+009F: U+009B starts an escape sequence on some terminals), the line and paragraph
 * separators U+2028/U+2029 (line breaks to some parsers, not to others), and the bidirectional
 * overrides and isolates U+202A–U+202E, U+2066–U+2069 (they make text display in another order
 * than it is stored).
 */
export const FORBIDDEN_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN_CHARS.source, 'g');
/** In one-line texts (names, labels) tab and line feed are forbidden too. */
export const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** How a forbidden character is written in messages: `U+001B`. */
export const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first forbidden character of `text`, described for a message, or undefined when the text is clean. */
export function forbiddenCharIn(text: string, oneLine: boolean): string | undefined {
  const m = (oneLine ? FORBIDDEN_IN_LINE : FORBIDDEN_CHARS).exec(text);
  if (!m) return undefined;
  const ch = m[0];
  const name = ch === '\n' ? 'a line break' : ch === '\t' ? 'a tab' : ch === '\u001b' ? 'an escape character' : ch === '\u2028' || ch === '\u2029' ? 'a line/paragraph separator' : /[\u202a-\u202e\u2066-\u2069]/.test(ch) ? 'a text-direction control' : 'a control character';
  return `${name} (${codePoint(ch)}) at position ${m.index + 1}`;
}

/**
 * Text made safe for a terminal: every forbidden character (tab and line feed are kept) becomes a
 * visible escape such as `\u001b`, so it shows instead of acting (colours, cursor moves, window
 * titles, clearing the screen, reordering).
 */
export function terminalSafe(text: string): string {
  return text.replace(FORBIDDEN_ALL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for a chart (a label, a title): forbidden characters and line breaks become U+FFFD, which SVG and Vega show as a box. */
export function chartText(text: string): string {
  return text.replace(new RegExp(FORBIDDEN_IN_LINE.source, 'g'), '\uFFFD');
}

/** One-line text shown in charts and tables (scenario name, labels): none of the characters above, no tab or line break. */
export const LINE_TEXT_PATTERN = new RegExp(`^[^${FORBIDDEN_IN_LINE.source.slice(1, -1)}]*$`);
/** Free text (descriptions): line breaks and tabs allowed, the other characters above not. */
export const PARAGRAPH_TEXT_PATTERN = new RegExp(`^[^${FORBIDDEN_CHARS.source.slice(1, -1)}]*$`);
export const LINE_TEXT_MAX = 200;
export const PARAGRAPH_TEXT_MAX = 10_000;

/** A one-line text such as a label (see LINE_TEXT_PATTERN). */
export const lineText = () => z.string().max(LINE_TEXT_MAX).regex(LINE_TEXT_PATTERN, 'plain one-line text');

/** A paragraph such as a description (see PARAGRAPH_TEXT_PATTERN). */
export const paragraphText = () => z.string().max(PARAGRAPH_TEXT_MAX).regex(PARAGRAPH_TEXT_PATTERN, 'plain text');
