import type { Paragraph } from 'mdast';
import { isPlaceholder } from '../names/placeholders.js';
import { cleanText } from '../names/text.js';
import { readNames } from './cells.js';
import { describeClaims } from './prose/claims.js';
import { richText, sliceRich } from './rich-text.js';
import { provenance, type Place, type Sink } from './sink.js';

/**
 * Free paragraphs between tables. Two shapes carry facts: `[Evol-Instruct](…) used in
 * [WizardLM](…)`, and a bare name on its own line under a heading (`self-instruct`), which
 * counts as a mention of a thing the lists name elsewhere. Other paragraphs are prose about the
 * list itself; of them only a model named in passing and derived in the same breath is read
 * (`Stanford Alpaca, which is trained on LLaMA`, see prose/appositive.ts).
 */
export function extractParagraph(sink: Sink, paragraph: Paragraph, place: Place): void {
  const rich = richText(paragraph.children);
  const text = cleanText(rich.text);
  if (!text) return;
  const usedIn = /\s+used in\s+/i.exec(rich.text);
  if (usedIn) {
    const method = readNames(sliceRich(rich, 0, usedIn.index)).pieces;
    const models = readNames(sliceRich(rich, usedIn.index + usedIn[0].length, rich.text.length)).pieces;
    if (method.length && models.length && method.length + models.length <= 4) {
      const prov = provenance(place, 'text', { text });
      const ms = method.map((p) => sink.mention({ label: 'Method', certain: false, role: 'reference', name: p.name, url: p.url, props: {}, provenance: prov }));
      for (const p of models) {
        const model = sink.mention({ label: 'Model', certain: false, role: 'reference', name: p.name, url: p.url, props: {}, provenance: prov });
        for (const m of ms) sink.statement('USES_METHOD', model, m, prov);
      }
      return;
    }
  }
  if (isPlaceholder(text) || /^todo$/i.test(text)) {
    sink.note('placeholder', place, text, 'placeholder paragraph');
    return;
  }
  // Prose about the list: what it says of a well-known model by name (`LLaMA是由Meta发布的`), and
  // models named in passing and derived in the same breath (appositives, inside describeClaims).
  describeClaims(sink, rich, [], place, { wellKnown: true });
  const words = text.split(/\s+/).length;
  if (words <= 3 && !/[.:!?。]$/.test(text) && !rich.links.length) {
    for (const p of readNames(rich).pieces) {
      sink.mention({ label: 'Method', certain: false, role: 'reference', tentative: true, name: p.name, props: {}, provenance: provenance(place, 'text', { text }) });
    }
  }
}
