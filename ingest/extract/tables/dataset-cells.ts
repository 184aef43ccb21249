import { isPlaceholder } from '../../names/placeholders.js';
import { cleanName } from '../../names/text.js';
import type { NamePiece } from '../cells.js';
import type { Knowledge } from '../knowledge.js';
import type { RichText } from '../types.js';

/** Japanese and Chinese particles and verbs that make a part a clause, not a name (`… を用いて`, `使用…`). */
export const SENTENCE_PART = /[をにでがはて](?![\u30a0-\u30ff])|で(?:ファイン)?チューニング|した|して|用い|使用|基于|进行|通过|以及/;

/** A count before a dataset's name: `52K`, `~800k`, `about 2M`, `1.5万`. */
const QUANTITY = /^(?:about|around|approximately|over|~|≈|约)?\s*\d[\d.,]*\s*[KkMmBbGgTt万亿千]?\+?\s+/;

/**
 * Between datasets: `+`, commas (not the one in `1,700`), line breaks, `and`/`or` as words (not
 * in `…-pii-and-template-…`), and `や` after a Latin name (`Japanese OSCAR や独自データ`).
 */
// No `\s*` around it: that backtracks quadratically on a long run of spaces; parts are trimmed.
const SEPARATOR = /[+、;\n，；]|(?<!\d),|,(?!\d)|<br\s*\/?>|(?<=\s)(?:and|or)(?=\s)|や(?<=[A-Za-z0-9)）]\s*や)|または|及び|以及/;

/** An amount of data in bytes, whatever follows: `174 GB`, `5TB (180B tokens)`, `300G Texts`, `2TB Images`. */
const DATA_SIZE = /^(?:about|around|over|~|≈|约)?\s*\d[\d.,]*\s*(?:[KMGTP]B|[GT])(?![A-Za-z\d])/i;

/** A bracket left open or closed alone by the split: `4K RL)` is a piece of a parenthesis. */
const UNBALANCED = /^[^(（]*[)）]|[(（][^)）]*$/;

/**
 * A name, not a description: it starts with a capital, a digit or CJK (`ShareGPT`, `日本語
 * Wikipedia`), or it starts with an id (`jaster`, `databricks-dolly-15k`, `llm-jp-corpus v3`);
 * `english dataset`, `update to …` are words about the data.
 */
function isDatasetName(name: string): boolean {
  // `300 万件`: a count of records.
  if (/^[\d.,\s~約约]*[万亿億千百]*[件条个篇枚組対]?$/.test(name) || isPlaceholder(name, 'trainingData')) return false;
  // `計 1.5T トークン`: an amount of text.
  if (/\d[\d.,]*\s*[KMBTkmbt万亿億]?\s*(?:トークン|tokens?|词元)/.test(name)) return false;
  if (/^[A-Z0-9\u3040-\u30ff\u3400-\u9fff]/.test(name)) return true;
  // `jaster`, `databricks-dolly-15k`: one lower-case word is an id, unless it is a word for data.
  const words = name.split(/\s+/);
  return words.length === 1 || (/[-_\d]/.test(words[0]) && !isPlaceholder(words[words.length - 1], 'trainingData'));
}

/** Words that make an English part a description of the data (`Alpaca prompt input using GPT-4`). */
const DESCRIPTION = /(?:^|\s)(?:using|generated|gathered|shared|collected|translated|with|by|via|of the)(?:\s|$)/;

/**
 * Dataset names of a training-data cell (`日本語 Wikipedia <br>+ Japanese CC-100`, `RedPajama,
 * Japanese Wikipedia`): parts between `+`, commas and line breaks, quantities in parentheses
 * dropped; a part that reads as a sentence or a quantity is no name.
 */
export function datasetNames(rich: RichText, known: Knowledge): NamePiece[] {
  const out: NamePiece[] = [];
  let text = rich.text;
  // Innermost first: `Japanese mC4 (87,425,304 ページ (782 GB))` keeps only its name.
  for (let guard = 0; guard < 5 && /[(（][^()（）]*[)）]/.test(text); guard++) text = text.replace(/[(（][^()（）]*[)）]/g, ' ');
  for (const raw of text.split(SEPARATOR)) {
    // Longer than any name: not worth the patterns below.
    if (raw.length > 200) continue;
    // `Instruction Tuning: …`, `v0: …`, `事前学習: …`: a label before the names; `約1,700万文`,
    // `など` after them: how much of it, and that the list goes on.
    const part = cleanName(raw.trim().replace(/^[^:：]{1,24}[:：]\s*/, '').replace(/(?<!\s)\s*(?:約|约|~)\s*\d[\d.,]*\s*[万億亿千百]?\S*$/, '').replace(/(?<!\s)\s*(?:など|等)$/, ''));
    // `70K user-shared conversations gathered from ShareGPT.com`: the source named after from/on.
    const source = /\b(?:from|on)\s+([A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3})\s*$/.exec(part);
    // `52K Alpaca`, `~800k GPT-3.5-Turbo Generations`: the count is no part of the name.
    // … unless what remains names a model (`52K Alpaca` is Alpaca's data, not the model Alpaca).
    // `174 GB`, `5TB`, `300G Texts`: an amount of data, not its name.
    if (!source && DATA_SIZE.test(part)) continue;
    const counted = part.replace(QUANTITY, '');
    // `400M text-image pairs`, `10K RM`: after a count, words about what was counted.
    if (!source && counted !== part && !/^(?:[A-Z][\w.-]{2,}|[\u3040-\u30ff\u3400-\u9fff])/.test(counted)) continue;
    let name = source ? cleanName(source[1]) : known.isModel(counted) ? part : counted;
    // `llm-jp-corpus v3の一部`, `LAION2B-multi のキャプション`: a part of a named dataset is that dataset;
    // `日本語の一般コーパス`, `様々な Web 上のデータ` name none.
    // `28科室的…`, `2023年关于…的…`: a count or a date before 的 starts a description.
    const of = name.search(/[の的]/);
    if (of > 0) name = /^[A-Za-z]/.test(name) ? cleanName(name.slice(0, of)) : '';
    // `LAION-5B データセット`, `Alpaca数据集`: the word for data is no part of the name — unless
    // the name left is a model's.
    const bare = cleanName(name.replace(/(?<!\s)\s*(?:データセット|数据集)$/, ''));
    if (bare && !known.isModel(bare)) name = bare;
    // `Web 上`, `Twitter 上など`: where text was found, not a dataset.
    if (/\s上(?:など)?$/.test(name)) continue;
    // `databricks-dolly-15k generated by Databricks employees`: an id, then who made it (but
    // `text-davinci-003 generated self-instruct dataset` names the model that generated it).
    if (!source && DESCRIPTION.test(name)) {
      const id = /^([A-Za-z0-9][\w.]*[-_][\w.-]*)\s+(?:generated|collected|written|annotated|curated|created)\s+by\s/.exec(name);
      if (!id || !/\d/.test(id[1])) continue;
      name = id[1];
    }
    if (!name || isPlaceholder(name) || UNBALANCED.test(name) || name.length > 60 || name.split(/\s+/).length > 5 || /^[\d.,\s~]+[a-z]*$/i.test(name) || /[.。]$/.test(name) || SENTENCE_PART.test(name)) continue;
    if (!isDatasetName(name)) continue;
    const link = rich.links.find((l) => cleanName(l.text) === name);
    out.push({ name, ...(link ? { url: link.url } : {}) });
  }
  return out;
}
