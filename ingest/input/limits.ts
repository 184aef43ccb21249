import { RefusedInput } from './refusal.js';

/**
 * Limits checked on the text before the Markdown parser sees it. The parser (micromark and
 * mdast-util-from-markdown) takes time that grows much faster than the input on deep nesting:
 * 5,000 nested list markers or 5,000 nested emphasis delimiters hang it for minutes. Real lists
 * stay far below these bounds (the bundled corpus: lines under 1,300 characters, lists and
 * emphasis 5 deep by the estimates below); a file beyond one is refused with the file and line. At the limits the
 * parser takes well under a second.
 */
export interface InputLimits {
  /** Bytes of one file. */
  fileBytes: number;
  /** Characters of one line. */
  lineChars: number;
  /** Lists and block quotes nested in one another. */
  containerDepth: number;
  /** Emphasis, strikethrough and link brackets opened and not yet closed within one paragraph or cell. */
  inlineDepth: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  fileBytes: 32 * 1024 * 1024,
  lineChars: 20_000,
  containerDepth: 100,
  inlineDepth: 200,
};

const n = (v: number) => v.toLocaleString('en-US');

export function checkFileSize(file: string, bytes: number, limits: InputLimits = DEFAULT_LIMITS): void {
  if (bytes > limits.fileBytes) {
    throw new RefusedInput(file, `${n(bytes)} bytes is larger than the limit of ${n(limits.fileBytes)} bytes for one list; split it into several files`);
  }
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** `| --- | :-: |`: the row under a table's header (split by hand: one regex would backtrack on long runs of spaces). */
function isTableDelimiterRow(line: string): boolean {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  const cells = s.split('|');
  return cells.length > 0 && cells.every((c) => /^:?-+:?$/.test(c.trim())) && (cells.length > 1 || line.includes('|'));
}

function columnsOf(line: string, end: number): number {
  let col = 0;
  for (let i = 0; i < end; i++) col = line[i] === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

/**
 * How deeply lists and block quotes nest at this line: the open list items whose content the
 * line is indented into, plus the markers it starts with (`- - - x` opens three). An estimate of
 * CommonMark's container rules, exact for the usual shapes, never far below the truth.
 */
class ContainerDepth {
  /** Content column of each open list item, innermost last. */
  private readonly open: number[] = [];

  /** Depth at a line, and whether the line starts a list item or block quote. */
  at(line: string): { depth: number; starts: boolean } {
    if (!line.trim()) return { depth: this.open.length, starts: false };
    let i = 0;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    const indent = columnsOf(line, i);
    while (this.open.length && indent < this.open[this.open.length - 1]) this.open.pop();
    if (THEMATIC_BREAK.test(line)) return { depth: this.open.length, starts: false };
    let depth = this.open.length;
    let starts = false;
    for (;;) {
      const rest = line.slice(i);
      if (rest.startsWith('>')) {
        depth++;
        starts = true;
        i += rest[1] === ' ' ? 2 : 1;
        continue;
      }
      const marker = LIST_MARKER.exec(rest);
      if (!marker) break;
      let j = i + marker[0].length;
      let spaces = 0;
      while (j < line.length && line[j] === ' ' && spaces < 4) {
        j++;
        spaces++;
      }
      this.open.push(columnsOf(line, j));
      depth++;
      starts = true;
      i = j;
    }
    return { depth: Math.max(depth, this.open.length), starts };
  }
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isPunct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/**
 * Emphasis delimiters and link brackets left open within one inline run (a paragraph, a heading,
 * a table cell row), CommonMark's flanking rules simplified: a run of `*`, `_` or `~` that can
 * open adds one, one that can close takes away one of its kind, `[` adds and `]` takes away.
 */
class InlineDepth {
  private readonly openers = new Map<string, number>();
  private depth = 0;

  reset(): void {
    this.openers.clear();
    this.depth = 0;
  }

  /** The deepest nesting within the line, continuing from the lines before it. */
  scan(line: string): number {
    let max = this.depth;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '[') {
        this.depth++;
        this.openers.set('[', (this.openers.get('[') ?? 0) + 1);
      } else if (c === ']') {
        const open = this.openers.get('[') ?? 0;
        if (open) {
          this.openers.set('[', open - 1);
          this.depth--;
        }
      } else if (c === '*' || c === '_' || c === '~') {
        let j = i;
        while (line[j + 1] === c) j++;
        const before = line[i - 1];
        const after = line[j + 1];
        const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
        const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
        const canOpen = c === '_' ? left && (!right || isPunct(before)) : left;
        const canClose = c === '_' ? right && (!left || isPunct(after)) : right;
        const open = this.openers.get(c) ?? 0;
        // A run that can both open and close counts as an opener: an overestimate, on purpose.
        if (canClose && open && !canOpen) {
          this.openers.set(c, open - 1);
          this.depth--;
        } else if (canOpen) {
          this.openers.set(c, open + 1);
          this.depth++;
        }
        i = j;
      }
      if (this.depth > max) max = this.depth;
    }
    return max;
  }
}

/**
 * Refuses a text beyond a limit, naming the file and the first line that passes it. Linear in
 * the text; runs before the parser.
 */
export function checkTextLimits(file: string, text: string, limits: InputLimits = DEFAULT_LIMITS): void {
  const containers = new ContainerDepth();
  const inline = new InlineDepth();
  let inTable = false;
  let previous = '';
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    lineNo++;
    const { depth, starts } = containers.at(line);
    if (depth > limits.containerDepth) {
      throw new RefusedInput(file, `lists or block quotes nested ${n(depth)} deep; the limit is ${n(limits.containerDepth)}`, lineNo);
    }
    // Each paragraph, heading, list item and table row is parsed for emphasis on its own.
    const blank = !line.trim();
    if (blank) inTable = false;
    else if (!inTable && isTableDelimiterRow(line) && previous.includes('|')) inTable = true;
    if (blank || inTable || starts || /^\s{0,3}#/.test(line)) inline.reset();
    const nested = inline.scan(line);
    if (nested > limits.inlineDepth) {
      throw new RefusedInput(file, `emphasis or link brackets nested ${n(nested)} deep; the limit is ${n(limits.inlineDepth)}`, lineNo);
    }
    if (inTable || /^\s{0,3}#/.test(line)) inline.reset();
    if (line.length > limits.lineChars) {
      throw new RefusedInput(file, `a line of ${n(line.length)} characters is longer than the limit of ${n(limits.lineChars)}`, lineNo);
    }
    previous = line;
    start = end + 1;
  }
}
