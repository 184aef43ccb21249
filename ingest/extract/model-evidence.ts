/**
 * Evidence, in a row of a `method` or `project` table, that the entry is a model after all
 * (the lists file long-context models such as LongChat or Llama-2-7B-32K-Instruct under
 * "method"): its own description calls it a model, or its link is a model page.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words that make the noun phrase before "model" something else (`model inference framework`, `a project meant to …`). */
const NOT_A_MODEL_WORD =
  /^(?:project|framework|library|tool|toolkit|platform|approach|method|technique|system|engine|solution|package|optimizer|mechanism|paradigm|format|collection|benchmark|dataset|data|for|of|to|with|in|on|as|by|and|or|from|into|using|via|is|are|can|which|that)$/i;

/** What may follow the head noun "model" when the phrase describes the entry itself. */
const AFTER_MODEL = /^(?:[,.;:]|$|\s+(?:finetuned|fine-tuned|trained|pre-?trained|tuned|based|built|developed|released|designed|that|which|for|with|from|of)\b)/i;

/**
 * True when a description names its entry as a model:
 * - it opens with a noun phrase whose head is "model" (`long-context chat model finetuned from…`,
 *   `An Instruction-following LLaMA model for code generation`), no preposition or verb before it;
 * - or it writes the entry's name (possibly with a size or version suffix) followed by "model"
 *   or "is a … model" (`our LongChat-13B-16K model`, `"Ziya-Reader-13B-v1.0" is a … model`).
 */
export function callsItAModel(name: string, text: string): boolean {
  const opening = /^(?:(?:an?|the|our)\s+)?((?:[\w-]+\s+){1,4}?)models?/i.exec(text.trim());
  if (opening) {
    const words = opening[1].trim().split(/\s+/);
    const rest = text.trim().slice(opening[0].length);
    if (!words.some((w) => NOT_A_MODEL_WORD.test(w)) && AFTER_MODEL.test(rest)) return true;
  }
  const own = new RegExp(`(?:^|[\\s"“'(])${escape(name)}(?:[-_.][\\w.-]*)?["”']?\\s+(?:is\\s+an?\\s+(?:[\\w-]+\\s+){0,4}?)?(?:language\\s+)?models?\\b`, 'i');
  return own.test(text);
}

/** A Hugging Face model page: `huggingface.co/<owner>/<name>`, not a dataset, space, paper or doc. */
export function isModelPage(url: string | undefined): boolean {
  if (!url) return false;
  const m = /^(?:https?:\/\/)?(?:www\.)?huggingface\.co\/([^/?#]+)\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(url.trim());
  return !!m && !['datasets', 'spaces', 'papers', 'docs', 'blog', 'chat', 'models', 'learn', 'tasks'].includes(m[1].toLowerCase());
}
