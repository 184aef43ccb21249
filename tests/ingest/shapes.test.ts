import { describe, expect, it } from 'vitest';
import type { Graph } from '../../ingest/graph/types.js';
import { extractDocument } from '../../ingest/extract/extract.js';
import { parseOverrides } from '../../ingest/extract/overrides.js';
import { LEXICON } from '../../ingest/lexicon/lexicon.js';
import { buildGraph } from '../../ingest/pipeline.js';
import { parseMarkdown } from '../../ingest/parse/markdown.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Shapes of lists the extractor reads without being told, each on a small document written for
 * the test: headers in three languages, columns known by their values, groups, trees, keys,
 * sizes, ids, prose in Chinese and Japanese, link owners and typed facts.
 */

/** The graph of some Markdown documents, through the whole pipeline (files in a temporary folder). */
async function graphOf(docs: Record<string, string>): Promise<Graph> {
  const dir = await mkdtemp(join(tmpdir(), 'shapes-'));
  try {
    for (const [name, text] of Object.entries(docs)) await writeFile(join(dir, name), text);
    return (await buildGraph([dir])).graph;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function facts(graph: Graph, type: string): string[] {
  const name = new Map(graph.nodes.map((n) => [n.id, n.name]));
  return graph.edges.filter((e) => e.type === type).map((e) => `${name.get(e.source)} -> ${name.get(e.target)}`).sort();
}
const models = (graph: Graph) => graph.nodes.filter((n) => n.label === 'Model').map((n) => n.name).sort();
const node = (graph: Graph, name: string) => graph.nodes.find((n) => n.name === name);

describe('column headers, in English, Chinese and Japanese', () => {
  it.each([
    ['Language Model', 'subject'],
    ['Model Name', 'subject'],
    ['模型', 'subject'],
    ['モデル', 'subject'],
    ['Base Model', 'base'],
    ['基座模型', 'base'],
    ['ベースのモデル', 'base'],
    ['ベースのLLM', 'base'],
    ['Licence', 'license'],
    ['Licenses', 'license'],
    ['ライセンス / 利用規約', 'license'],
    ['许可证', 'license'],
    ['Institute', 'contributor'],
    ['Organisation', 'contributor'],
    ['Developer', 'contributor'],
    ['开发者', 'contributor'],
    ['机构', 'contributor'],
    ['開発元', 'contributor'],
    ['Release Date', 'releaseDate'],
    ['发布时间', 'releaseDate'],
    ['Params (B)', 'parameters'],
    ['パラメータ数', 'parameters'],
    ['Context Length', 'contextLength'],
    ['入出力で扱える トークン数', 'contextLength'],
    ['Training Data', 'trainingData'],
    ['学習テキスト', 'trainingData'],
    ['Architecture', 'architecture'],
    ['アーキテクチャ', 'architecture'],
    ['keywords', 'keywords'],
    ['Tags', 'keywords'],
    ['Checkpoints', 'checkpoints'],
    ['Paper/Blog', 'paper'],
    ['Try it', 'ignore'],
  ])('"%s" is a %s column', (header, role) => {
    expect(LEXICON.headerRole(header)?.value.role).toBe(role);
  });

  it('reads a key the same way (`地址`, `简介`, `基座模型`, `院校`, `License`)', () => {
    expect(['地址', '简介', '基座模型', '院校', 'License'].map((k) => LEXICON.keyRole(k)?.value.role)).toEqual(['url', 'description', 'base', 'contributor', 'license']);
  });
});

describe('columns known by their values', () => {
  const md = [
    '## Models',
    '',
    '|   | Weird header | 謎 | Stuff | Zzz |',
    '| --- | --- | --- | --- | --- |',
    '| [Alpha](https://huggingface.co/acme/alpha-7b) | Apache 2.0 | 2023/04 | Meta | LLaMA |',
    '| [Beta](https://huggingface.co/acme/beta-13b) | MIT | 2023/05 | Google | LLaMA |',
    '| [Gamma](https://huggingface.co/acme/gamma) | Apache 2.0 | 2023/06 | Meta AI | BLOOM |',
    '',
  ].join('\n');

  it('an empty header over distinct linked names is the subject; licences, dates, organizations and known models say their roles', async () => {
    const ex = extractDocument(parseMarkdown('t.md', md));
    const parts = ex.readings[0].parts;
    expect(parts.map((p) => [p.role, p.why])).toEqual([
      ['subject (model)', 'content'],
      ['license', 'content'],
      ['releaseDate', 'content'],
      ['contributor', 'content'],
      ['base', 'content'],
    ]);
    const graph = await graphOf({ 't.md': md });
    expect(facts(graph, 'BASED_ON')).toEqual(['Alpha -> LLaMA', 'Beta -> LLaMA', 'Gamma -> BLOOM']);
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['Alpha -> Meta', 'Beta -> Google', 'Gamma -> Meta AI']);
    expect(node(graph, 'Alpha')?.props.releaseDate).toBe('2023-04');
  });

  it('an Architecture column is never a base, even when it names models', async () => {
    const graph = await graphOf({
      'a.md': '## Models\n\n| Model | Architecture |\n| --- | --- |\n| [Swallow](https://huggingface.co/tokyotech-llm/Swallow-7b-hf) | Llama |\n| Foo | GPT-NeoX |\n',
    });
    expect(facts(graph, 'BASED_ON')).toEqual([]);
    expect(node(graph, 'Swallow')?.props.architecture).toEqual(['Llama']);
  });

  it('a "モデル" column that links nothing, after an unnamed column of linked names, says the architecture', async () => {
    const md = [
      '## 汎用',
      '',
      '|    |  モデル  |  学習テキスト  |  開発元  | ライセンス |',
      '|:---|:---:|:---:|:---:|:---:|',
      '| [rinna GPT](https://rinna.co.jp/a) | GPT (xsmall, small, **1b**) | 日本語 Wikipedia <br> + Japanese CC-100 | rinna | MIT |',
      '| [colorfulscoop GPT](https://huggingface.co/colorfulscoop/gpt2-small-ja) | GPT (small) | 日本語 Wikipedia | Colorful Scoop | CC BY-SA 3.0 |',
      '| [Megagon Labs T5](https://github.com/megagonlabs/t5-japanese) | T5 (base) | Japanese mC4 (87,425,304 ページ (782 GB)) | Megagon Labs | Apache 2.0 |',
      '| [OpenCALM](https://www.cyberagent.co.jp/x) | GPT (small, **1.4b**) | Jpanese mC4 | サイバーエージェント | CC BY-SA 4.0 |',
      '',
    ].join('\n');
    const graph = await graphOf({ 'j.md': md });
    expect(models(graph)).toEqual(['Megagon Labs T5', 'OpenCALM', 'colorfulscoop GPT', 'rinna GPT']);
    expect(node(graph, 'Megagon Labs T5')?.props.architecture).toEqual(['T5']);
    expect(facts(graph, 'TRAINED_WITH')).toContain('Megagon Labs T5 -> Japanese mC4');
    // A count inside nested parentheses is no dataset.
    expect(graph.nodes.filter((n) => n.label === 'Dataset').map((n) => n.name).sort()).toEqual(['Japanese CC-100', 'Japanese mC4', 'Jpanese mC4', '日本語 Wikipedia']);
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toContain('OpenCALM -> サイバーエージェント');
  });

  it('a keywords column names a model only on evidence, and never Transformers, CoT or DPO', async () => {
    const graph = await graphOf({
      'k.md': [
        '| Date | keywords | Institute | Paper |',
        '| --- | --- | --- | --- |',
        '| 2017-06 | Transformers | Google | [Attention Is All You Need](https://arxiv.org/pdf/1706.03762.pdf) |',
        '| 2022-01 | COT | Google | [Chain-of-Thought Prompting Elicits Reasoning in Large Language Models](https://arxiv.org/pdf/2201.11903.pdf) |',
        '| 2022-01 | LaMDA | Google | [LaMDA: Language Models for Dialog Applications](https://arxiv.org/pdf/2201.08239.pdf) |',
        '| 2023-05 | DPO | Stanford | [Direct Preference Optimization: Your Language Model is Secretly a Reward Model](https://arxiv.org/pdf/2305.18290.pdf) |',
        '| 2023-05 | Zorblax | Nowhere | [On Making Things](https://example.org/x) |',
        '',
      ].join('\n'),
    });
    expect(models(graph)).toEqual(['LaMDA']);
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['LaMDA -> Google']);
    expect(node(graph, 'LaMDA')?.props.releaseDate).toBe('2022-01');
  });

  it('"Individual" is no organization, and a contributor column that says so stops the link fallback', async () => {
    const graph = await graphOf({
      'i.md': '## Models\n\n| Model | Developer |\n| --- | --- |\n| [Solo](https://huggingface.co/someone/solo-7b) | Individual |\n',
    });
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual([]);
    expect(graph.nodes.some((n) => n.name === 'Individual')).toBe(false);
    expect(node(graph, 'Solo')?.props.publisher).toBe('someone');
  });
});

describe('lists that are not entries', () => {
  it('what a paragraph asks contributors to send is no model', async () => {
    const md = '# 开源开放的大模型\n\n旨在记录开源的大模型，欢迎提供：\n\n- *线索*\n- *PR*\n- *Issue*\n\n## 模型\n\n- LLaMA\n- Vicuna\n';
    expect(models(await graphOf({ 'c.md': md }))).toEqual(['LLaMA', 'Vicuna']);
  });

  it('items under a heading of architectures are methods, not models', async () => {
    const graph = await graphOf({ 'a.md': '# 开源开放的大模型\n\n## 模型架构\n\n- [GPTQ](https://github.com/IST-DASLab/gptq)\n- [RWKV](https://github.com/BlinkDL/RWKV-LM)\n' });
    expect(models(graph)).toEqual([]);
  });
});

describe('articles in lists of things', () => {
  it('a linked article title under Models is no model; a release post that names its model is that model', async () => {
    const md = [
      '## Models',
      '',
      '- [ABEJAで作った大規模GPTモデルとその道のり](https://tech-blog.abeja.asia/entry/abeja-gpt-project-202207)',
      '- [How we trained a large Japanese model on our own cluster](https://medium.com/@x/how-we-trained)',
      '- [Qwen2](https://qwenlm.github.io/blog/qwen2/): the new series of Qwen models',
      '- [Vicuna](https://lmsys.org/blog/2023-03-30-vicuna/): a chat model fine-tuned from LLaMA',
      '',
    ].join('\n');
    expect(models(await graphOf({ 'a.md': md }))).toEqual(['LLaMA', 'Qwen2', 'Vicuna']);
  });
});

describe('software the seed knows', () => {
  it('a framework listed among models is a project; a model kept in its repository stays a model', async () => {
    const md = [
      '## 模型',
      '',
      '* LMFlow',
      '  * 地址：https://github.com/OptimalScale/LMFlow',
      '  * 简介：一个可扩展的大模型微调工具箱。',
      '* Robin (罗宾):',
      '  * 地址：https://github.com/OptimalScale/LMFlow',
      '  * 简介：Robin是香港科技大学LMFlow团队开发的中英双语大语言模型。',
      '* Vicuna',
      '  * 简介：对LLaMA进行微调。',
      '',
    ].join('\n');
    const graph = await graphOf({ 's.md': md });
    expect(models(graph)).toEqual(['LLaMA', 'Robin', 'Vicuna']);
    expect(node(graph, 'LMFlow')?.label).toBe('Project');
  });
});

describe('tables that name their columns unusually', () => {
  it('an "架构" column of distinct, linked names that opens every row is the subject; "亮点" is a description', async () => {
    const md = [
      '## 中文 LLM',
      '',
      '| 架构 | 机构 | 参数 | 亮点 |',
      '| --- | --- | --- | --- |',
      '| [deepseek-v3](architectures/deepseek-v3/) | DeepSeek | 671B | 256 专家 + 共享专家,R1 的底座 |',
      '| [qwen2-7b](architectures/qwen2-7b/) | 阿里云 | 7B | GQA,长上下文 |',
      '| [chatglm3-6b](architectures/chatglm3-6b/) | 智谱 AI | 6B | 2D 位置编码,前缀 LM |',
      '| [yi-6b](architectures/yi-6b/) | 零一万物 | 6B | LLaMA 式结构,中英双语 |',
      '',
    ].join('\n');
    const graph = await graphOf({ 'z.md': md });
    expect(models(graph)).toEqual(['chatglm3-6b', 'deepseek-v3', 'qwen2-7b', 'yi-6b']);
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toContain('deepseek-v3 -> DeepSeek');
  });

  it('a data-size column is no parameter count', async () => {
    const md = ['## 模型', '', '| 名称 | 参数规模 | 数据规模 |', '| --- | --- | --- |', '| LLaMA | 7B,13B | 1.4T |', '| Falcon | 40B | 1T |', ''].join('\n');
    expect(node(await graphOf({ 'd.md': md }), 'LLaMA')?.props.parameters).toEqual([7, 13]);
  });

  it('separators: `，` between names, `+` between co-contributors; `R&D` is one name', async () => {
    const md = [
      '## 模型',
      '',
      '| 公司 | 大模型 |',
      '| --- | --- |',
      '| 港中文深圳 | [华佗](https://github.com/a/huatuo)，[凤凰](https://github.com/b/phoenix) |',
      '| 西北工业大学+华为 | [秦岭·翱翔](https://example.org/q) |',
      '| Gravity R&D | [Foo](https://example.org/foo) |',
      '',
    ].join('\n');
    const graph = await graphOf({ 's.md': md });
    expect(models(graph)).toEqual(['Foo', '华佗', '凤凰', '秦岭·翱翔'].sort());
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['Foo -> Gravity R&D', '凤凰 -> 港中文深圳', '华佗 -> 港中文深圳', '秦岭·翱翔 -> 华为', '秦岭·翱翔 -> 西北工业大学'].sort());
  });

  it('authors and lineages in a contributor column are no organization', async () => {
    const md = ['## 模型', '', '| 模型 | 机构 |', '| --- | --- |', '| resnet | He 等 |', '| mamba | Gu 和 Dao |', '| lstm | Elman 一脉 |', '| opt | Meta 等 |', ''].join('\n');
    expect(facts(await graphOf({ 'a.md': md }), 'FROM_CONTRIBUTOR')).toEqual(['opt -> Meta']);
  });

  it('two rows of one list with the same name and makers in common are one model; with none, two', async () => {
    const md = [
      '## 模型',
      '',
      '| 公司 | 大模型 |',
      '| --- | --- |',
      '| 华为 | [盘古](https://openi.pcl.ac.cn/PCL-Platform.Intelligence/PanGu-Alpha) |',
      '| 循环智能 | [盘古](https://www.rcrai.com/) |',
      '| Meta | LLaMA |',
      '| Meta AI | LLaMA |',
      '',
    ].join('\n');
    const graph = await graphOf({ 'h.md': md });
    expect(graph.nodes.filter((n) => n.name === '盘古')).toHaveLength(2);
    expect(graph.nodes.filter((n) => n.name === 'LLaMA')).toHaveLength(1);
    expect(facts(graph, 'FROM_CONTRIBUTOR').filter((f) => f.startsWith('盘古'))).toEqual(['盘古 -> 华为', '盘古 -> 循环智能']);
  });

  it('a GitHub account is no other name of an organization written in Chinese; a Hugging Face one is', async () => {
    const md = [
      '## 模型',
      '',
      '| 公司 | 大模型 |',
      '| --- | --- |',
      '| 复旦大学 | [MOSS](https://github.com/OpenLMLab/MOSS) |',
      '| サイバーエージェント | [OpenCALM](https://huggingface.co/cyberagent/open-calm-7b) |',
      '',
    ].join('\n');
    const graph = await graphOf({ 'g.md': md });
    expect(node(graph, '复旦大学')?.aliases).toEqual([]);
    expect(node(graph, 'サイバーエージェント')?.aliases).toEqual(['cyberagent']);
  });
});

describe('base cells and record tables', () => {
  it('a base cell: `+` joins two bases; from-scratch (with a size) and custom … name none', async () => {
    const md = [
      '## Models',
      '',
      '| Model | Base Model |',
      '| --- | --- |',
      '| LLaMA | - |',
      '| Vicuna | LLaMA |',
      '| MusiLingo | Vicuna 7B + MERT |',
      '| TinyMU | from-scratch 229M |',
      '| MuScriptor | custom Mirelo + Kyutai + IRCAM |',
      '',
    ].join('\n');
    expect(facts(await graphOf({ 'b.md': md }), 'BASED_ON')).toEqual(['MusiLingo -> MERT', 'MusiLingo -> Vicuna', 'Vicuna -> LLaMA']);
  });

  it('a name cell that goes on to describe the model is that name, and its words are read as a description', async () => {
    const md = [
      '## Models',
      '',
      '| Model | Backbone |',
      '| --- | --- |',
      '| LLaMA | - |',
      '| LaWGPT: 基于中文法律知识的大语言模型 | LLaMA |',
      '| baichuan-7B: A large-scale 7B pretraining language model developed by Baichuan Inc. | - |',
      '| llama3:8b | LLaMA |',
      '',
    ].join('\n');
    const graph = await graphOf({ 'n.md': md });
    expect(models(graph)).toEqual(['LLaMA', 'LaWGPT', 'baichuan-7B', 'llama3:8b']);
    expect(node(graph, 'LaWGPT')?.props.mainFeature).toBe('基于中文法律知识的大语言模型');
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['baichuan-7B -> Baichuan Inc']);
  });

  it("a maker's link is one name, commas and all; unlinked makers are split", async () => {
    const md = ['## Models', '', '| Model | Owner |', '| --- | --- |', '| Linly | [Computer Vision Institute, SZU](https://github.com/CVI-SZU) |', '| Luotuo | 商汤科技, 华中师范大学 |', ''].join('\n');
    expect(facts(await graphOf({ 'o.md': md }), 'FROM_CONTRIBUTOR')).toEqual(['Linly -> Computer Vision Institute, SZU', 'Luotuo -> 华中师范大学', 'Luotuo -> 商汤科技']);
  });

  it('a row missing a cell is not read one column off: a link label is no base, a model no maker', async () => {
    const md = ['## Models', '', '| Model | Owner | Backbone | Repo |', '| --- | --- | --- | --- |', '| LLaMA | Meta | - | |', '| BenTsao | LLaMA | [Github](https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese) |', ''].join('\n');
    const graph = await graphOf({ 'm.md': md });
    expect(models(graph)).toEqual(['BenTsao', 'LLaMA']);
    expect(facts(graph, 'BASED_ON')).toEqual([]);
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['LLaMA -> Meta']);
  });

  it('a two-column record of one thing (`Feature | Value`, bold keys) is no table of models', async () => {
    const md = [
      '## Models',
      '',
      '| Model | Input | Base Model |',
      '| --- | --- | --- |',
      '| TinyMU | audio + text | LLaMA |',
      '| Mellow | audio + text | LLaMA |',
      '',
      '### TinyMU',
      '',
      '| Feature | Value |',
      '|---|---|',
      '| **Parameters** | 229M |',
      '| **Input** | audio + text |',
      '| **Languages** | en, zh |',
      '| **Code License** | MIT |',
      '| **Music Generation** | no |',
      '',
    ].join('\n');
    const graph = await graphOf({ 'r.md': md });
    expect(models(graph)).toEqual(['LLaMA', 'Mellow', 'TinyMU']);
    expect(facts(graph, 'BASED_ON')).toEqual(['Mellow -> LLaMA', 'TinyMU -> LLaMA']);
  });
});

describe('training-data cells', () => {
  it('a data column beside rows of projects says what they were trained on; counts, labels, descriptions and placeholders are no dataset', async () => {
    const md = [
      '## Model Spec',
      '',
      '| project | base model | data |',
      '| --- | --- | --- |',
      '| [Stanford/Alpaca](https://crfm.stanford.edu/alpaca) | LLaMA-7B | 52K instruction-following dataset |',
      '| [NLPCloud/instruct-gpt-j](https://nlpcloud.com/x) | GPT-J-6B | 52K Alpaca |',
      '| [FastChat/**Vicuna**](https://vicuna.lmsys.org/) | LLaMA-13B | 70K user-shared conversations gathered from ShareGPT |',
      '| [Foo](https://example.org/foo) | LLaMA-7B | same |',
      '| [Bar](https://example.org/bar) | LLaMA-7B | 事前学習: Wikipedia, llm-jp-corpus v3の一部<br>Instruction Tuning: jaster, 独自 |',
      '| [Baz](https://example.org/baz) | LLaMA-7B | 計 1.5T トークン; english dataset; LAION-5B データセット |',
      '| [Qux](https://example.org/qux) | Pythia-12b | databricks-dolly-15k **generated by Databricks employees** |',
      '| [Quux](https://example.org/quux) | LLaMA-7B | ~1.1M text-davinci-003 generated self-instruct dataset |',
      '',
    ].join('\n');
    const graph = await graphOf({ 'd.md': md });
    expect(facts(graph, 'TRAINED_WITH')).toEqual([
      'Bar -> Wikipedia',
      'Bar -> jaster',
      'Bar -> llm-jp-corpus v3',
      'Baz -> LAION-5B',
      'Qux -> databricks-dolly-15k',
      'Vicuna -> ShareGPT',
      'instruct-gpt-j -> 52K Alpaca',
    ]);
    // `52K Alpaca` is the Alpaca data: the model Alpaca stays a model.
    expect(node(graph, 'Alpaca')?.label).toBe('Model');
  });

  it('a data cell keeps names whole and drops what is said about them: stage labels, amounts, "and" inside an id, や and など', async () => {
    const md = [
      '## Models',
      '',
      '| Model | Training Data |',
      '| --- | --- |',
      '| [Foo](https://example.org/foo) | 日本語 Wikipedia 約1,700万文 (2.6GB)<br>+ 日本語 CC-100 約3億9,200万文 (74.3GB) |',
      '| [Bar](https://example.org/bar) | Instruction Tuning: chat-synth-ja-wo-pii-and-template-instructions, OASST1<br>SFT, DPO: 合成データ |',
      '| [Baz](https://example.org/baz) | Japanese OSCAR や独自データなど<br>*sft モデルは Alpaca Dataset, FLAN でファインチューニング |',
      '',
    ].join('\n');
    expect(facts(await graphOf({ 'd.md': md }), 'TRAINED_WITH')).toEqual([
      'Bar -> OASST1',
      'Bar -> chat-synth-ja-wo-pii-and-template-instructions',
      'Baz -> Japanese OSCAR',
      'Foo -> 日本語 CC-100',
      'Foo -> 日本語 Wikipedia',
    ]);
  });

  it('a data key is read as a data cell is: amounts, counted words, descriptions and halves of a parenthesis are no dataset', async () => {
    const md = [
      '## 模型',
      '',
      '* Foo',
      '  * 地址：https://github.com/x/foo',
      '  * 数据：BELLE，174 GB；OpenAssistant/oasst1；28科室的中文医疗共识与临床指南文本；10K RM',
      '* Bar',
      '  * 地址：https://github.com/x/bar',
      '  * 数据：5TB (180B tokens, Chinese)',
      '* Baz',
      '  * 地址：https://github.com/x/baz',
      '  * 数据：300G Texts + 2TB Images + 400M text-image pairs',
      '',
    ].join('\n');
    expect(facts(await graphOf({ 'k.md': md }), 'TRAINED_WITH')).toEqual(['Foo -> BELLE', 'Foo -> OpenAssistant/oasst1']);
  });
});

describe('link owners', () => {
  it('the owner of a model’s own checkpoint is its publisher, a contributor read from the link only where the list names none', async () => {
    const graph = await graphOf({
      'l.md': [
        '## Models',
        '',
        '| Language Model | Checkpoints | Try it |',
        '| --- | --- | --- |',
        '| GPT-J-6B | [GPT-J-6B](https://github.com/kingoflolz/mesh-transformer-jax), [GPT4All-J](https://github.com/nomic-ai/gpt4all) | [demo](https://github.com/slai-labs/get-beam) |',
        '| MPT-7B | [MPT-7B](https://huggingface.co/mosaicml/mpt-7b) | |',
        '',
      ].join('\n'),
    });
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['GPT-J-6B -> @kingoflolz', 'MPT-7B -> @mosaicml']);
    const edge = graph.edges.find((e) => e.type === 'FROM_CONTRIBUTOR');
    expect(edge?.derivedFrom).toBe('link');
    expect(node(graph, 'MPT-7B')?.props.publisher).toBe('mosaicml');
  });
});

describe('groups', () => {
  it('<details><summary>Org</summary> gives its models FROM_CONTRIBUTOR; a label among organizations counts as one', async () => {
    const md = [
      '## Open LLM',
      '<details>',
      '<summary>Meta</summary>',
      '',
      '  - [Llama 3.1-8|70|405B](https://llama.meta.com/)',
      '',
      '</details>',
      '<details>',
      '<summary>Google</summary>',
      '',
      '  - [Gemma-2|7B](https://blog.google/)',
      '',
      '</details>',
      '<details>',
      '<summary>ElutherAI</summary>',
      '',
      '  - [Pythia-1|1.4|12B](https://github.com/EleutherAI/pythia)',
      '',
      '</details>',
      '',
    ].join('\n');
    const graph = await graphOf({ 'g.md': md });
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['Gemma -> Google', 'Llama 3.1 -> Meta', 'Pythia -> ElutherAI']);
    expect(node(graph, 'Llama 3.1')?.props.parameters).toEqual([8, 70, 405]);
  });

  it('a tree grouped by base: children BASED_ON their parent, grandchildren on the child, roots without children have none', async () => {
    const graph = await graphOf({
      'tree.md': ['## 中文模型', '', '* LLaMA 底座', '  * Lawyer LLaMA', '  * 姜子牙(Ziya-LLaMA-13B)', '    * MedicalGPT', '* ChatGLM 底座', '  * DoctorGLM', '* MOSS', ''].join('\n'),
    });
    expect(facts(graph, 'BASED_ON')).toEqual(['DoctorGLM -> ChatGLM', 'Lawyer LLaMA -> LLaMA', 'MedicalGPT -> Ziya-LLaMA-13B', 'Ziya-LLaMA-13B -> LLaMA']);
    expect(models(graph)).toEqual(expect.arrayContaining(['MOSS', 'ChatGLM', 'LLaMA']));
    expect(node(graph, 'Ziya-LLaMA-13B')?.aliases).toContain('姜子牙');
  });

  it('a heading naming a base (`Based on LLaMA`) gives the models under it their base; a family member is no fine-tune', async () => {
    const graph = await graphOf({
      'h.md': ['## Based on LLaMA', '', '| Model | Developer |', '| --- | --- |', '| Alpaca | Stanford |', '| LLaMA-65B | Meta |', ''].join('\n'),
    });
    expect(facts(graph, 'BASED_ON')).toEqual(['Alpaca -> LLaMA']);
  });

  it('items of an organization (`Meta: OPT, LLaMA / Alpaca`) are its models; what follows the slash are models credited to no one', async () => {
    const graph = await graphOf({ 'o.md': '## Base Models\n- Meta: OPT, LLaMA / Alpaca, Vicuna\n- Google: BERT, T5\n' });
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['BERT -> Google', 'LLaMA -> Meta', 'OPT -> Meta', 'T5 -> Google']);
    expect(models(graph)).toEqual(['Alpaca', 'BERT', 'LLaMA', 'OPT', 'T5', 'Vicuna']);
    expect(facts(graph, 'BASED_ON')).toEqual([]);
  });

  it('in a list of mostly known organizations’ lines, an unknown key is an organization too', async () => {
    const md = '## Base Models\n- Meta: OPT, LLaMA\n- Google: BERT, T5\n- DeepMind: Gopher\n- huggingface BigScience: BLOOM\n- ColossalAI: ColossalChat\n';
    const graph = await graphOf({ 'o.md': md });
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toContain('BLOOM -> huggingface BigScience');
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toContain('ColossalChat -> ColossalAI');
    expect(models(graph)).not.toContain('ColossalAI');
    // Without that majority the key stays unread as an organization.
    const lone = await graphOf({ 'l.md': '## Base Models\n- ColossalAI: ColossalChat\n- Koala\n- Vicuna\n' });
    expect(facts(lone, 'FROM_CONTRIBUTOR')).toEqual([]);
  });
});

describe('key-value sub-items', () => {
  it('a Latin name, a hyphen and a Chinese name is one model with an alias; a Chinese description is dropped', async () => {
    const md = ['## 模型', '', '* lychee_law-律知', '  * 简介：该项目由德国萨尔大学团队开发。', '* ChatLaw-法律大模型', '  * 简介：由北大开源的法律大模型。', ''].join('\n');
    const graph = await graphOf({ 'l.md': md });
    expect(models(graph)).toEqual(['ChatLaw', 'lychee_law']);
    expect(node(graph, 'lychee_law')?.aliases).toEqual(['律知']);
    // The country is dropped from the name, kept as the words the sentence wrote.
    expect(node(graph, '萨尔大学团队')?.aliases).toEqual(['德国萨尔大学团队']);
  });

  it('an item named, then said what it is (`XrayGLM，首个…医学大模型：`), is the name', async () => {
    const md = ['## 模型', '', '* XrayGLM，首个会看胸部X光片的中文多模态医学大模型：', '  * 地址：https://github.com/WangRongsheng/XrayGLM', '  * 简介：该项目发布了XrayGLM数据集及模型。', ''].join('\n');
    expect(models(await graphOf({ 'x.md': md }))).toEqual(['XrayGLM']);
  });

  it('what a 简介 says was open-sourced counts only as the model’s own checkpoints', async () => {
    const md = [
      '## 模型',
      '',
      '* LLaSM',
      '  * 简介：第一个开源可商用对话模型。目前开源了LLaSM-Chinese-Llama-2-7B、LLaSM-Baichuan-7B等模型与数据集。',
      '* Fengshenbang-LM',
      '  * 简介：该项目开源了姜子牙通用大模型V1，是大规模预训练模型。',
      '* ColossalAI',
      '  * 简介：ColossalAI开源了他们的ChatGPT实现。',
      '* ChatGPT',
      '  * 简介：OpenAI 的对话模型。',
      '',
    ].join('\n');
    const graph = await graphOf({ 'r.md': md });
    expect(models(graph)).toEqual(['ChatGPT', 'Fengshenbang-LM', 'LLaSM', 'LLaSM-Baichuan-7B', 'LLaSM-Chinese-Llama-2-7B']);
    expect(facts(graph, 'RELATED_TO')).toEqual(['LLaSM -> LLaSM-Baichuan-7B', 'LLaSM -> LLaSM-Chinese-Llama-2-7B']);
  });

  it('a base phrase in a released checkpoint’s own parenthesis or after its colon is that checkpoint’s base', async () => {
    const md = [
      '## 模型',
      '',
      '* ChatLaw-法律大模型',
      '  * 简介：由北大开源的一系列法律领域的大模型，包括ChatLaw-13B（基于姜子牙Ziya-LLaMA-13B-v1训练而来），ChatLaw-33B（基于Anima-33B训练而来，逻辑推理能力大幅提升）。',
      '* lychee_law-律知',
      '  * 简介：开源一系列中文司法领域大模型，如Law-GLM-10B: 基于 GLM-10B 模型, 在 30GB 中文法律数据上进行指令微调得到的。',
      '* ShenNong-TCM-LLM',
      '  * 简介：该项目开源了ShenNong中医药大规模语言模型，该模型以LLaMA为底座，采用LoRA微调得到。',
      '* Anima',
      '  * 简介：一个中文大语言模型。',
      '* LLaMA',
      '  * 简介：Meta 的基础模型。',
      '',
    ].join('\n');
    const based = facts(await graphOf({ 'c.md': md }), 'BASED_ON');
    expect(based).toContain('ChatLaw-13B -> Ziya-LLaMA-13B-v1');
    expect(based).toContain('ChatLaw-33B -> Anima');
    expect(based.filter((f) => f.startsWith('ChatLaw-法律大模型'))).toEqual([]);
    expect(based.some((f) => f.startsWith('Law-GLM-10B -> GLM'))).toBe(true);
    // In the next clause the phrase is about the row again.
    expect(based).toContain('ShenNong-TCM-LLM -> LLaMA');
  });

  it('the checkpoints a 简介 says were released are models of their own, sizes of the family', async () => {
    const md = ['## 模型', '', '* TigerBot', '  * 地址：https://github.com/TigerResearch/TigerBot', '  * 简介：一个多语言模型，开源了包括模型：TigerBot-7B, TigerBot-7B-base，TigerBot-180B，基本训练和推理代码。', ''].join('\n');
    const graph = await graphOf({ 't.md': md });
    expect(models(graph)).toEqual(['TigerBot', 'TigerBot-180B', 'TigerBot-7B', 'TigerBot-7B-base']);
    expect(facts(graph, 'VARIANT_OF')).toEqual(['TigerBot-180B -> TigerBot', 'TigerBot-7B -> TigerBot']);
  });

  it('reads 地址, 简介, 基座模型, 院校 and License, in one list or as one value per line', async () => {
    const md = [
      '## 模型',
      '',
      '* DoctorGLM：',
      '  * 地址：https://github.com/xionghonglin/DoctorGLM',
      '  * 简介：基于 ChatGLM-6B的中文问诊模型',
      '* Ziya：',
      '  * 基座模型：LLaMA',
      '  * 院校：',
      '    * 上海交通大学',
      '    * Department of Computer Science, The Ohio State University',
      '  * License：Apache-2.0',
      '* ChatGLM-6B：',
      '  * 地址：https://github.com/THUDM/ChatGLM-6B',
      '',
    ].join('\n');
    const graph = await graphOf({ 'kv.md': md });
    expect(facts(graph, 'BASED_ON')).toEqual(['DoctorGLM -> ChatGLM-6B', 'Ziya -> LLaMA']);
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['Ziya -> Department of Computer Science, The Ohio State University', 'Ziya -> 上海交通大学']);
    expect(facts(graph, 'HAS_LICENSE')).toEqual(['Ziya -> Apache-2.0']);
    expect(node(graph, 'DoctorGLM')?.props.url).toBe('https://github.com/xionghonglin/DoctorGLM');
  });
});

describe('names', () => {
  it('size shorthand is one family with its sizes; versions are models of their own', async () => {
    const graph = await graphOf({ 's.md': '## Models\n- [Qwen2-0.5B|1.5B|7B|72B](https://qwenlm.github.io/)\n- [RWKV-v4|5|6](https://huggingface.co/RWKV)\n' });
    expect(models(graph)).toEqual(['Qwen2', 'RWKV-v4', 'RWKV-v5', 'RWKV-v6']);
    expect(node(graph, 'Qwen2')?.props.parameters).toEqual([0.5, 1.5, 7, 72]);
  });

  it('a known organization written with & is one name (`Turing, Weights & Biases`)', async () => {
    const md = '## Models\n\n| Model | Developer |\n| --- | --- |\n| Foo | Turing, Weights & Biases |\n| Bar | Acme AI & Beta Labs |\n';
    expect(facts(await graphOf({ 'w.md': md }), 'FROM_CONTRIBUTOR')).toEqual(['Bar -> Acme AI', 'Bar -> Beta Labs', 'Foo -> Turing', 'Foo -> Weights & Biases']);
  });

  it('a slash before a patch size (`ViT-G/14`) is part of the name, in an item and in a cell', async () => {
    const graph = await graphOf({
      'v.md': '## Models\n\n- **ViT-G/14** [[Google]]() June 2021\n- **ViT-H/14** [[Google]]() 2021\n\n| Model | Developer |\n| --- | --- |\n| ViT-L/16 | Google |\n| Foo | Bar AI |\n',
    });
    expect(models(graph)).toEqual(['Foo', 'ViT-G/14', 'ViT-H/14', 'ViT-L/16']);
  });

  it('a known organization, a slash and a name with spaces (`MSFT/DeepSpeed Chat`) is that name, owned by it', async () => {
    const graph = await graphOf({ 'o.md': '## Models\n\n| Project | Base Model |\n| --- | --- |\n| [MSFT/LLaMA-GPT4](https://example.org/a) | LLaMA-7B |\n| [MSFT/Orca Mini](https://example.org/b) | LLaMA-7B |\n' });
    expect(models(graph)).toEqual(['LLaMA', 'LLaMA-GPT4', 'Orca Mini']);
    expect(node(graph, 'Orca Mini')?.props.publisher).toBe('MSFT');
  });

  it('an org/name id is one name owned by org; two models written A/B stay two', async () => {
    const graph = await graphOf({
      'id.md': '## Models\n\n| Model | Base Model |\n| --- | --- |\n| [mosaicml/mpt-7b-chat](https://huggingface.co/mosaicml/mpt-7b-chat) | LLaMA/LLaMA2 |\n',
    });
    expect(models(graph)).toEqual(['LLaMA', 'LLaMA2', 'mpt-7b-chat']);
    expect(node(graph, 'mpt-7b-chat')?.props.publisher).toBe('mosaicml');
    expect(node(graph, 'mpt-7b-chat')?.aliases).toContain('mosaicml/mpt-7b-chat');
  });

  it('a role word in parentheses (`（ベース）`, `(baseline)`) is no other name of the model', async () => {
    const md = ['## モデル', '', '| モデル | ベースモデル |', '| --- | --- |', '| Gemma 2 2B（ベース） | - |', '| Gemma 2 9B (baseline) | - |', '| Swallow 2B | Gemma 2 2B |', ''].join('\n');
    const graph = await graphOf({ 'g.md': md });
    expect(node(graph, 'Gemma 2 2B')?.aliases).toEqual([]);
    expect(node(graph, 'Gemma 2 9B')?.aliases).toEqual([]);
    expect(facts(graph, 'BASED_ON')).toEqual(['Swallow 2B -> Gemma 2 2B']);
  });

  it('a name with its translation is one entity; two that share only the translation stay apart', async () => {
    const graph = await graphOf({ 'tr.md': ['## 模型', '', '* BLOOM 底座', '  * 轩辕(XuanYuan 2.0)', '  * 流萤(Firefly-BLOOM)', '* 百川 底座', '  * 流萤(Firefly-baichuan)', ''].join('\n') });
    expect(node(graph, 'XuanYuan 2.0')?.aliases).toEqual(['轩辕']);
    expect(facts(graph, 'BASED_ON')).toEqual(['Firefly-BLOOM -> BLOOM', 'Firefly-baichuan -> 百川', 'XuanYuan 2.0 -> BLOOM']);
  });
});

describe('prose in Chinese and Japanese', () => {
  const doc = (text: string) => ['## Models', '', '| Model | Base Model | Description |', '| --- | --- | --- |', '| LLaMA | - | Meta’s model. |', '| Vicuna | LLaMA | chat model. |', `| Subject | | ${text} |`, ''].join('\n');

  it.each([
    ['在原版LLaMA的基础上扩充了中文词表', 'LLaMA'],
    ['以 LLaMA 为底座，利用中文增量预训练', 'LLaMA'],
    ['基于可商用的LLaMA进行二次开发', 'LLaMA'],
    ['对Vicuna进行指令微调', 'Vicuna'],
    ['模型主干为LLaMA并采用LoRA微调', 'LLaMA'],
    ['Vicuna をベースに日本語で追加学習', 'Vicuna'],
    ['LLaMA に対して日本語を継続事前学習', 'LLaMA'],
    ['该模型由Med-SFT数据集基于Vicuna指令微调得到', 'Vicuna'],
    ['基于百亿参数量语言大模型Vicuna（13B）训练', 'Vicuna'],
    // Not listed, but a checkpoint of a well-known family, named in a strong phrase.
    ['基于Baichuan-13B-Base指令微调得到', 'Baichuan-13B-Base'],
    // A generic noun whose parenthesis names the bases.
    ['在通用中文基座模型（如 Vicuna、LLaMA 等）的基础上扩充法律领域专有词表', 'Vicuna'],
    ['在通用中文基座模型（如 Vicuna、LLaMA 等）的基础上扩充法律领域专有词表', 'LLaMA'],
    ['包含了一系列基于已有开源模型（Vicuna, LLaMA）进行二次微调的语言模型', 'LLaMA'],
    ['通过任务指令数据（超过100W条样本）进行大模型（Vicuna）指令微调', 'Vicuna'],
    // A Hugging Face id of a well-known family's sized checkpoint.
    ['医疗对话大模型，基于ClueAI/ChatYuan-large-v2作为底座', 'ClueAI/ChatYuan-large-v2'],
    // A bare 基于 names a base the lists do not list only when it is a well-known model.
    ['金融；基于BLOOM', 'BLOOM'],
    ['其基于开源EleutherAI pythia模型系列', 'pythia'],
    ['Vicuna (6.8b) に対して<br>llm-japanese-dataset v0 のうち翻訳タスクを除いたデータで LoRAチューニング', 'Vicuna'],
    ['- （Vicuna(base) を親モデルとして知識蒸留）', 'Vicuna'],
  ])('"%s" gives the base %s', async (text, base) => {
    expect(facts(await graphOf({ 'p.md': doc(text) }), 'BASED_ON')).toContain(`Subject -> ${base}`);
  });

  it.each([
    ['性能超过了Vicuna', 'a comparison'],
    ['使用Vicuna生成的数据训练', 'a data source'],
    ['Vicunaと比較して高性能', 'a comparison'],
    ['基于Vicuna生成的数据训练', 'a data source'],
    ['基于Foobar的对话系统', 'a name nobody knows, after a weak phrase'],
    ['医学；另有基于 Vicuna 的[Med-Vicuna](https://github.com/x/med-vicuna)', 'the base of another model'],
    ['在Vicuna模式基础上，结合了多个数据集微调获得', 'a recipe'],
    ['A model fine-tuned from Vicuna outputs.', 'a data source'],
    ['基于LLaMA架构从头训练', 'an architecture'],
  ])('"%s" gives no base (%s)', async (text) => {
    expect(facts(await graphOf({ 'p.md': doc(text) }), 'BASED_ON').filter((f) => f.startsWith('Subject'))).toEqual([]);
  });

  it('"基于X作为底座" and "采用X作为基座模型" name a base; data used as a base is none', async () => {
    const list = (text: string) =>
      ['## 模型', '', '* MedYuan：', '  * 简介：医疗对话模型。', '* BianQue：', `  * 简介：${text}`, ''].join('\n');
    expect(facts(await graphOf({ 'b.md': list('医疗对话大模型，基于MedYuan作为底座，使用医疗问答数据进行微调。') }), 'BASED_ON')).toEqual(['BianQue -> MedYuan']);
    expect(facts(await graphOf({ 'b.md': list('医疗对话大模型，采用MedYuan作为基座模型。') }), 'BASED_ON')).toEqual(['BianQue -> MedYuan']);
    expect(facts(await graphOf({ 'b.md': list('使用MedYuan生成的数据作为基础。') }), 'BASED_ON')).toEqual([]);
  });

  it.each([
    ['由清华大学开发的对话模型', '清华大学'],
    ['元语智能发布的一个功能型对话语言大模型', '元语智能'],
    ['東京工業大学が開発したモデル', '東京工業大学'],
    ['A model developed by Mistral AI.', 'Mistral AI'],
  ])('"%s" credits %s', async (text, org) => {
    expect(facts(await graphOf({ 'p.md': doc(text) }), 'FROM_CONTRIBUTOR')).toContain(`Subject -> ${org}`);
  });

  it('prose indented like code is read as prose; what it says of a well-known model is about that model', async () => {
    const md = '# 平替\n\n## 二、Alpaca模式篇\n\n        LLaMA是由Meta发布的全新人工智能大型语言模型，在生成文本等任务上表现良好。\n\n## 代码\n\n    pip install llama\n';
    const graph = await graphOf({ 'i.md': md });
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['LLaMA -> Meta']);
  });

  it('"用X数据集，在Y上实现微调" names the data it was trained with', async () => {
    // A model's data is a dataset of its own, named after it.
    expect(facts(await graphOf({ 'p.md': doc('用Vicuna数据集，在LLaMA上实现微调') }), 'TRAINED_WITH')).toEqual(['Subject -> Vicuna data']);
  });

  it('a heading whose parenthesis lists models (`LLMZoo（凤凰Phoenix和Chimera）`) holds those models; a sentence naming both is about both', async () => {
    const md = [
      '# 平替',
      '',
      '### LLMZoo（凤凰Phoenix和Chimera）',
      '',
      '        LLMZoo维护了一系列开源大模型，其中包括了来自香港中文大学（深圳）和深圳市大数据研究院的王本友教授团队开发的Phoenix（凤凰）和Chimera等开源大语言模型。',
      '',
      '### ChatYuan',
      '',
      'ChatYuan是一个对话模型。',
      '',
      '### MOSS',
      '',
      'MOSS是一个对话模型。',
      '',
    ].join('\n');
    const graph = await graphOf({ 'z.md': md });
    expect(models(graph)).toEqual(['ChatYuan', 'Chimera', 'MOSS', 'Phoenix']);
    expect(node(graph, 'Phoenix')?.aliases).toEqual(['凤凰']);
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['Chimera -> 深圳市大数据研究院', 'Chimera -> 香港中文大学', 'Phoenix -> 深圳市大数据研究院', 'Phoenix -> 香港中文大学']);
    // The sentence is among the places the model is spoken of.
    expect(node(graph, 'Phoenix')?.provenance.map((p) => p.line)).toEqual([3, 5]);
  });

  it('a heading `华驼(HuaTuo) （更新于…）` names HuaTuo, also 华驼, and what the prose under it says', async () => {
    const md = [
      '# 平替',
      '',
      '### 华驼(HuaTuo) （更新于2023年4月30日）',
      '',
      '        该模型垂直医学领域，经过中文医学指令精调/指令集对原始LLaMA模型进行了微调。',
      '',
      '### LLaMA',
      '',
      'LLaMA是由Meta发布的模型。',
      '',
      '### MOSS （更新于2023年4月21日）',
      '',
      'MOSS是一个对话模型。',
      '',
    ].join('\n');
    const graph = await graphOf({ 'h.md': md });
    expect(models(graph)).toEqual(['HuaTuo', 'LLaMA', 'MOSS']);
    expect(node(graph, 'HuaTuo')?.aliases).toEqual(['华驼']);
    expect(facts(graph, 'BASED_ON')).toEqual(['HuaTuo -> LLaMA']);
  });

  it('the base a sentence names keeps that line among the places it is named', async () => {
    const graph = await graphOf({ 'p.md': doc('对Vicuna进行指令微调') });
    expect(node(graph, 'Vicuna')?.provenance.map((p) => [p.line, p.derivedFrom])).toEqual([
      [6, 'table'],
      [7, 'text'],
    ]);
  });

  it('a sentence about a well-known model the row’s name builds on is about that model', async () => {
    const md = '# 平替\n\n### PaLM-rlhf-pytorch\n\n其基本思路是使用RLHF的方法。PaLM是谷歌在今年4月发布的大模型。\n\n### ChatYuan\n\nChatYuan是一个对话模型。\n\n### MOSS\n\nMOSS是一个对话模型。\n';
    expect(facts(await graphOf({ 'h.md': md }), 'FROM_CONTRIBUTOR')).toEqual(['PaLM -> 谷歌']);
  });

  it.each([
    ['该项目由复旦大学数据智能与社会计算实验室开发的模型', ['复旦大学数据智能与社会计算实验室']],
    ['由中国科学院计算技术研究所自然语言处理团队开发', ['中国科学院计算技术研究所自然语言处理团队']],
    ['该项目由浙江大学、阿里巴巴达摩院以及华院计算三家单位共同设计研发的法律大模型', ['华院计算', '浙江大学', '阿里巴巴达摩院']],
    // A country before a foreign institution is no part of its name; 中国 begins many names.
    ['该项目由德国萨尔大学团队和中国南京大学团队合作开发', ['中国南京大学团队', '萨尔大学团队']],
    ['该项目来自沙特阿拉伯阿卜杜拉国王科技大学的研究团队', ['阿卜杜拉国王科技大学']],
    ['Subject是谷歌在今年4月发布的大模型', ['谷歌']],
    ['Subject是由斯坦福、CMU、UC伯克利等机构的学者联合发布的', ['CMU', 'UC伯克利', '斯坦福']],
    ['由非盈利机构LAION重磅开源发布', ['LAION']],
    ['Subject由前OpenAI研究员所在的Together团队，以及LAION、Ontocord.ai团队共同打造', ['LAION', 'Ontocord.ai团队', 'Together团队']],
    ['Subject是斯坦福大学的另一个巨作', ['斯坦福大学']],
    ['Subject是IDEA研究院认知计算与自然语言研究中心主导的大模型开源体系', ['IDEA研究院认知计算与自然语言研究中心']],
    ['Subject是中国人民大学GSAI研究人员开发的基于聊天的大语言模型', ['中国人民大学']],
  ])('"%s" credits the whole names %j, no shorter or split one', async (text, orgs) => {
    const credited = facts(await graphOf({ 'p.md': doc(text) }), 'FROM_CONTRIBUTOR').filter((f) => f.startsWith('Subject'));
    expect(credited).toEqual(orgs.map((o) => `Subject -> ${o}`).sort());
  });
});

describe('maintainers’ overrides', () => {
  it('a file beside the list maps a header to a role', async () => {
    const md = '## Models\n\n| Model | Folks |\n| --- | --- |\n| Foo | Acme |\n';
    expect(facts(await graphOf({ 'm.md': md }), 'FROM_CONTRIBUTOR')).toEqual([]);
    const graph = await graphOf({ 'm.md': md, 'm.lineage.json': JSON.stringify({ columns: { Folks: 'contributor' } }) });
    expect(facts(graph, 'FROM_CONTRIBUTOR')).toEqual(['Foo -> Acme']);
  });

  it('tells a block’s kind, by heading', async () => {
    const md = '## Friends\n- Foo\n- Bar\n';
    const graph = await graphOf({ 'b.md': md, 'b.lineage.json': JSON.stringify({ blocks: { Friends: 'models' } }) });
    expect(models(graph)).toEqual(['Bar', 'Foo']);
  });

  it('refuses an unknown role, naming the file and the entry', () => {
    expect(() => parseOverrides({ columns: { Maker: 'author' } }, 'x.lineage.json')).toThrow(/x\.lineage\.json: columns\."Maker": unknown role "author"/);
  });
});

describe('the README', () => {
  it('lists the recognised headers exactly as the lexicon has them', async () => {
    const { readFileSync } = await import('node:fs');
    const { headersTable } = await import('../../ingest/lexicon/headers-table.js');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /<!-- headers:start -->\n([\s\S]*?)\n<!-- headers:end -->/.exec(readme)?.[1];
    expect(block).toBe(headersTable());
  });
});
