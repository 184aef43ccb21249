import type { Derivation, EdgeType, Graph, GraphEdge, GraphNode, NodeLabel } from '../../ingest/graph/types.js';

/**
 * A small hand-made graph with known answers, for testing the load step and each named query
 * without depending on what the extractor reads from the corpus.
 */
function node(label: NodeLabel, key: string, name: string, aliases: string[] = [], props: GraphNode['props'] = {}, line = 1): GraphNode {
  return {
    id: `${label.toLowerCase()}:${key}`,
    label,
    name,
    aliases,
    props,
    provenance: [{ source: 'fixture.md', line, section: ['Fixture'], derivedFrom: 'table' }],
    merges: [],
  };
}

function edge(type: EdgeType, source: string, target: string, derivedFrom: GraphEdge['derivedFrom'] = 'table', derivation?: Derivation): GraphEdge {
  return {
    ...(derivation ? { derivation } : {}),
    id: `${type}:${source}->${target}`,
    type,
    source,
    target,
    derivedFrom,
    provenance: [
      { source: 'fixture.md', line: 2, section: ['Fixture'], derivedFrom, ...(derivedFrom === 'text' ? { text: 'a sentence' } : {}) },
    ],
  };
}

/** How a BASED_ON edge's source was made, as the ingest gives it: kinds, methods, and the words with their place. */
function derivation(kinds: string[], methods: string[], evidence: [kind: string, words: string, line: number, from: Derivation['evidence'][number]['from']][]): Derivation {
  return { kinds, methods, evidence: evidence.map(([kind, words, line, from]) => ({ kind, words, source: 'fixture.md', line, from })) };
}

export function fixtureGraph(): Graph {
  const nodes = [
    node('Model', 'llama', 'LLaMA', ['Llama', 'LLaMA2'], { url: 'https://github.com/facebookresearch/llama', releaseDate: '2023-02', parameters: [7, 13, 33, 65], contextLength: [2048] }, 10),
    node('Model', 'llama13b', 'LLaMA-13B', [], { parameters: [13] }, 11),
    node('Model', 'vicuna', 'Vicuna', [], { mainFeature: 'Impressing GPT-4 with 90% ChatGPT Quality.', releaseDate: '2023-03-30', parameters: [7, 13] }, 12),
    node('Model', 'chinesevicuna', 'Chinese-Vicuna', [], {}, 13),
    node('Model', 'wizardvicunalm', 'WizardVicunaLM', [], {}, 14),
    node('Model', 'alpaca', 'Alpaca', [], {}, 15),
    node('Model', 'gptj', 'GPT-J', [], { releaseDate: '2021', parameters: [6], publisher: 'EleutherAI', architecture: ['GPT-J'] }, 16),
    node('Model', 'dolly', 'Dolly', [], {}, 17),
    node('Model', 'chatllama@nebuly', 'ChatLLaMA', [], {}, 18),
    node('Organization', 'meta', 'Meta', ['Facebook'], { kind: 'institution' }),
    node('Organization', 'ucberkeley', 'UC Berkley', ['UCB'], { kind: 'institution' }),
    node('Organization', 'stanford', 'Stanford', [], { kind: 'institution' }),
    node('Organization', 'tloen', '@tloen', [], { kind: 'account' }),
    node('Dataset', 'sharegpt', 'ShareGPT'),
    node('Dataset', 'alpacadata', 'Alpaca data'),
    node('Language', 'en', 'en'),
  ];
  const edges = [
    edge('VARIANT_OF', 'model:llama13b', 'model:llama'),
    edge('BASED_ON', 'model:vicuna', 'model:llama13b', 'table', derivation(['FINETUNE'], [], [['FINETUNE', 'fine-tuned', 12, 'column']])),
    edge('BASED_ON', 'model:chinesevicuna', 'model:llama', 'table', derivation(['ADAPTER'], ['LoRA'], [['ADAPTER', 'LoRA', 13, 'text']])),
    edge('BASED_ON', 'model:wizardvicunalm', 'model:vicuna', 'table', derivation(['FINETUNE', 'ALIGNMENT'], ['DPO'], [
      ['FINETUNE', 'instruction tuning', 14, 'text'], ['ALIGNMENT', 'DPO', 14, 'text'],
    ])),
    edge('BASED_ON', 'model:alpaca', 'model:llama', 'table', derivation(['FINETUNE'], [], [['FINETUNE', 'Instruction-following', 15, 'text']])),
    edge('BASED_ON', 'model:dolly', 'model:gptj', 'text', derivation(['UNSPECIFIED'], [], [])),
    edge('FROM_CONTRIBUTOR', 'model:llama', 'organization:meta'),
    edge('FROM_CONTRIBUTOR', 'model:vicuna', 'organization:ucberkeley'),
    edge('FROM_CONTRIBUTOR', 'model:vicuna', 'organization:stanford'),
    edge('FROM_CONTRIBUTOR', 'model:alpaca', 'organization:stanford'),
    edge('TRAINED_WITH', 'model:vicuna', 'dataset:sharegpt'),
    edge('TRAINED_WITH', 'model:dolly', 'dataset:alpacadata'),
    edge('HAS_LANGUAGE', 'model:vicuna', 'language:en'),
  ];
  return { nodes, edges };
}
