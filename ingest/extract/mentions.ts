import type { NodeLabel, PropValue } from '../graph/types.js';
import { arxivId, repositoryOwner } from '../names/links.js';
import type { NamePiece } from './cells.js';
import { withoutEtAl } from './organizations.js';
import { provenance, type Place, type Sink } from './sink.js';
import type { Mention, Role } from './types.js';

/** Mentions made from the names a cell, a key or an item gives, with the statements they always carry. */

/** The entry a row (or list item) is about; a link to an arXiv paper also names the paper describing it. */
export function entryMention(sink: Sink, piece: NamePiece, label: NodeLabel, certain: boolean, prov: Mention['provenance'], place: Place): Mention {
  const m = pieceMention(sink, piece, label, certain, 'entry', prov);
  const papers = [...(piece.url ? [{ url: piece.url, text: '' }] : []), ...(piece.references ?? [])].filter((l) => arxivId(l.url));
  for (const link of papers) {
    const id = arxivId(link.url)!;
    const paper = sink.mention({
      label: 'Paper',
      certain: true,
      role: 'reference',
      name: `arXiv:${id}`,
      url: link.url,
      props: { url: link.url, arxivId: id, kind: 'paper' },
      provenance: prov,
    });
    sink.statement('DESCRIBED_IN', m, paper, prov);
  }
  if (piece.references?.length && !papers.length) {
    sink.note('unreadable', place, piece.references.map((r) => r.text).join(', '), 'links in parentheses that are not papers');
  }
  return m;
}

export function referenceMention(sink: Sink, piece: NamePiece, label: NodeLabel, prov: Mention['provenance']): Mention {
  return pieceMention(sink, piece, label, true, 'reference', prov);
}

/** A mention of the name a cell piece holds, with its link and what the name itself says (sizes, the owner of an `org/name` id). */
export function pieceMention(sink: Sink, piece: NamePiece, label: NodeLabel, certain: boolean, role: Role, prov: Mention['provenance']): Mention {
  const props: Record<string, PropValue> = piece.url ? { url: piece.url } : {};
  if (piece.parameters?.length) props.parameters = piece.parameters;
  if (piece.owner) props.publisher = piece.owner;
  return sink.mention({
    label,
    certain,
    role,
    name: piece.name,
    alsoKnownAs: piece.alsoKnownAs,
    writtenAs: piece.writtenAs,
    url: piece.url,
    sharedLink: piece.sharedLink,
    props,
    provenance: prov,
  });
}

/** An organization a column, a key, a group label or a sentence names; `@name` is a GitHub account. */
export function organizationMention(sink: Sink, name: string, prov: Mention['provenance'], url?: string): Mention {
  const bare = withoutEtAl(name);
  return sink.mention({
    label: 'Organization',
    certain: true,
    role: 'reference',
    name: bare,
    url,
    props: { kind: bare.startsWith('@') ? 'account' : 'institution' },
    provenance: prov,
  });
}

/**
 * The account that publishes an entry's own checkpoint (`huggingface.co/mosaicml/mpt-7b` →
 * `mosaicml`), as a contributor read from a link: weaker than anything the list states, so
 * relate/ keeps it only when the list names no contributor for the entry.
 */
export function publisherMention(sink: Sink, url: string, place: Place, column?: string): Mention | null {
  const owner = repositoryOwner(url);
  if (!owner) return null;
  return sink.mention({
    label: 'Organization',
    certain: true,
    role: 'reference',
    name: `@${owner}`,
    url,
    props: { kind: 'account' },
    provenance: provenance(place, 'link', column ? { column } : {}),
  });
}
