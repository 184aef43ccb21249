import { readLicense } from '../../names/licenses.js';
import { isPlaceholder } from '../../names/placeholders.js';
import { cleanName } from '../../names/text.js';
import type { RichText } from '../types.js';

/**
 * Licences of a cell: each link's text (`[Gemma Terms of Use](…) Free with usage restriction…`),
 * else each part between separators (`Apache 2.0, CC BY-SA-3.0`); a known spelling at the start
 * gives the canonical name (`Apache 2.0 with usage restriction…` → Apache-2.0), an unknown short
 * name is kept as written, and a sentence is no licence.
 */
export function readLicenses(rich: RichText): { name: string; spelling: string; url?: string }[] {
  const parts = rich.links.length
    ? rich.links.map((l) => ({ text: l.text, url: l.url }))
    : rich.text.split(/(?<!\s)\s*(?:[,/;、\n]|\bor\b|\band\b)\s*/).map((text) => ({ text, url: undefined }));
  const out: { name: string; spelling: string; url?: string }[] = [];
  for (const part of parts) {
    let text = cleanName(part.text);
    if (!text || isPlaceholder(text, 'license')) continue;
    // `base (v3) & large (v2): Apache 2.0`: what follows the label.
    if (!readLicense(text) && /[:：]/.test(text)) text = cleanName(text.slice(text.search(/[:：][^:：]*$/) + 1));
    const known = readLicense(text);
    if (known) out.push({ name: known.name, spelling: known.spelling, ...(part.url ? { url: part.url } : {}) });
    else if (text.split(/\s+/).length <= 6 && !/[.。]/.test(text)) out.push({ name: text, spelling: text, ...(part.url ? { url: part.url } : {}) });
  }
  return out.filter((l, i) => out.findIndex((o) => o.name === l.name) === i);
}
