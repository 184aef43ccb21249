/**
 * Where a Markdown text can be cut so that parsing the pieces one by one gives the same blocks
 * as parsing the whole: the parser (micromark) holds the events of everything it parses at
 * once, about a hundred times the text, so a 16 MB list would need gigabytes in one go.
 *
 * A cut goes before a line that starts at column 0 and follows a blank line: no paragraph,
 * table, list item, block quote, footnote or indented code continues across that (a list goes
 * on only with an indented line or another marker, which such a line is not, unless it is a
 * marker: never cut before one). Never inside a fenced code block or a raw HTML block that
 * spans blank lines (`<pre>`, `<script>`, `<style>`, `<textarea>`, comments, `<?`, `<!`, CDATA).
 * A text with link reference or footnote definitions (`[x]: …`) is never cut: a reference in
 * one piece could not see a definition in another.
 */

const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** Raw HTML blocks that a blank line does not end, with what does end them. */
const HTML_BLOCKS: { start: RegExp; end: RegExp }[] = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
];

export interface Chunk {
  text: string;
  /** Lines before the chunk in the whole text. */
  lineOffset: number;
  /** Characters before the chunk in the whole text. */
  charOffset: number;
}

/** The text in pieces of about `size` characters (one piece when it cannot be cut safely). */
export function chunksOf(text: string, size: number): Chunk[] {
  if (text.length <= size || DEFINITION.test(text)) return [{ text, lineOffset: 0, charOffset: 0 }];
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let line = 0;
  let pos = 0;
  let previousBlank = false;
  let fence: { char: string; length: number } | null = null;
  let html: RegExp | null = null;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const content = text.slice(pos, end);
    const blank = !content.trim();
    if (!fence && !html && previousBlank && !blank && pos - chunkStart >= size && !/^[ \t]/.test(content) && !LIST_MARKER.test(content)) {
      chunks.push({ text: text.slice(chunkStart, pos), lineOffset: chunkLine, charOffset: chunkStart });
      chunkStart = pos;
      chunkLine = line;
    }
    if (fence) {
      const close = FENCE.exec(content);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && !content.slice(close[0].length).trim()) fence = null;
    } else if (html) {
      if (html.test(content)) html = null;
    } else {
      const open = FENCE.exec(content);
      if (open && !(open[1][0] === '`' && content.slice(open[0].length).includes('`'))) fence = { char: open[1][0], length: open[1].length };
      else {
        const block = HTML_BLOCKS.find((b) => b.start.test(content));
        if (block && !block.end.test(content.slice(content.indexOf('<') + 1))) html = block.end;
      }
    }
    previousBlank = blank;
    pos = end + 1;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), lineOffset: chunkLine, charOffset: chunkStart });
  return chunks;
}
