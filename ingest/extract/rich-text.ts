import type { PhrasingContent } from 'mdast';
import type { RichText } from './types.js';

/**
 * Flattens Markdown inline content to plain text, keeping what marks names: links (with their
 * targets) and bold or code spans. `<br />` becomes a line break; emphasis marks disappear;
 * character references (`&#x2716;`) are already decoded by the parser.
 */
export function richText(nodes: readonly PhrasingContent[]): RichText {
  const out: RichText = { text: '', links: [], bold: [] };
  const walk = (list: readonly PhrasingContent[]) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          out.text += node.value.replace(/\u00a0/g, ' ');
          break;
        case 'inlineCode': {
          const start = out.text.length;
          out.text += node.value;
          out.bold.push({ start, end: out.text.length });
          break;
        }
        case 'html':
          if (/^<br\s*\/?>$/i.test(node.value.trim())) out.text += '\n';
          break;
        case 'break':
          out.text += '\n';
          break;
        case 'strong': {
          const start = out.text.length;
          walk(node.children);
          out.bold.push({ start, end: out.text.length });
          break;
        }
        case 'emphasis':
        case 'delete':
          walk(node.children);
          break;
        case 'link': {
          const start = out.text.length;
          walk(node.children);
          out.links.push({ start, end: out.text.length, url: node.url, text: out.text.slice(start, out.text.length) });
          break;
        }
        default:
          break;
      }
    }
  };
  walk(nodes);
  return out;
}

/** The part of a rich text between two offsets, with links and bold spans clipped to it. */
export function sliceRich(rich: RichText, start: number, end: number): RichText {
  const clip = <T extends { start: number; end: number }>(spans: T[]) =>
    spans
      .filter((s) => s.start < end && s.end > start)
      .map((s) => ({ ...s, start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start }));
  return {
    text: rich.text.slice(start, end),
    links: clip(rich.links).map((l) => ({ ...l, text: rich.text.slice(l.start + start, l.end + start) })),
    bold: clip(rich.bold),
  };
}
