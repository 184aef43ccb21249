/** The account of a repository key (`host/owner/name…`, `huggingface.co/datasets/owner/name`), on any host. */
function ownerOf(key: string): string {
  const [, first, second] = key.split('/');
  return ['datasets', 'spaces', 'models', 'collections'].includes(first) && second ? second : first;
}

/**
 * Two sets of repositories conflict when they share no account: the same account on GitHub and
 * on Hugging Face (`EleutherAI/gpt-neox`, `EleutherAI/gpt-neox-20b`) is one owner.
 */
export function repositoriesConflict(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return false;
  const owners = (s: Set<string>) => new Set([...s].map(ownerOf));
  const ob = owners(b);
  for (const o of owners(a)) if (ob.has(o)) return false;
  return true;
}

/**
 * Union-find over mentions that remembers, per cluster, the repositories its mentions link to
 * (two different repositories keep clusters apart) and which rule joined what.
 */
export class Clusters {
  private readonly parent: number[];
  /** Per root: the repositories its mentions link (made when first needed: most mentions link none). */
  private readonly repos: (Set<string> | undefined)[];
  /** Per root: name keys of its Latin-script names (made when first needed). */
  private readonly latin: (Set<string> | undefined)[];
  /** Per root: source file → name keys of the makers its entries there are credited to (made when first needed). */
  private readonly makers: (Map<string, Set<string>> | undefined)[];
  /** Per root: rule → spellings it brought together (made on the first join). */
  private readonly joined: (Map<string, Set<string>> | undefined)[];
  private static readonly NONE: ReadonlySet<string> = new Set();
  private static readonly NO_MAKERS: ReadonlyMap<string, Set<string>> = new Map();

  constructor(
    size: number,
    repoOf: (i: number) => string | null,
    private readonly spelling: (i: number) => string,
    latinOf: (i: number) => string[] = () => [],
    makersOf: (i: number) => { source: string; makers: string[] } | null = () => null,
  ) {
    this.parent = Array.from({ length: size }, (_, i) => i);
    this.repos = new Array(size);
    this.latin = new Array(size);
    this.makers = new Array(size);
    this.joined = new Array(size);
    for (let i = 0; i < size; i++) {
      const m = makersOf(i);
      if (m && m.makers.length) this.makers[i] = new Map([[m.source, new Set(m.makers)]]);
      const l = latinOf(i);
      if (l.length) this.latin[i] = new Set(l);
      const r = repoOf(i);
      if (r) this.repos[i] = new Set([r]);
    }
  }

  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  reposOf(i: number): Set<string> {
    return (this.repos[this.find(i)] ?? Clusters.NONE) as Set<string>;
  }

  /**
   * Two clusters that each link a repository, and neither a common one nor one of the same
   * owner (a project that moved, `project-baize/baize` → `baize-chatbot`), are different projects.
   */
  conflict(a: number, b: number): boolean {
    return repositoriesConflict(this.reposOf(a), this.reposOf(b)) || this.makersConflict(a, b);
  }

  /** Entries of one list credited to makers with none in common: homonyms, not one thing. */
  private makersConflict(a: number, b: number): boolean {
    const ma = this.makers[this.find(a)] ?? Clusters.NO_MAKERS;
    const mb = this.makers[this.find(b)] ?? Clusters.NO_MAKERS;
    for (const [source, set] of ma) {
      const other = mb.get(source);
      // `Meta` and `Meta AI` are one maker written two ways.
      if (other && ![...set].some((k) => [...other].some((o) => o.startsWith(k) || k.startsWith(o)))) return true;
    }
    return false;
  }

  /** Both clusters have Latin-script names and share none: a shared CJK spelling does not join them. */
  latinConflict(a: number, b: number): boolean {
    const la = this.latin[this.find(a)];
    const lb = this.latin[this.find(b)];
    if (!la?.size || !lb?.size) return false;
    for (const k of la) if (lb.has(k)) return false;
    return true;
  }

  /** Joins the clusters of a and b (a's root stays the root) and records why. */
  union(a: number, b: number, rule: string, names: string[]): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent[rb] = ra;
    const moving = this.repos[rb];
    if (moving) {
      const into = (this.repos[ra] ??= new Set());
      for (const r of moving) into.add(r);
      this.repos[rb] = undefined;
    }
    const latin = this.latin[rb];
    if (latin) {
      const into = (this.latin[ra] ??= new Set());
      for (const k of latin) into.add(k);
      this.latin[rb] = undefined;
    }
    const makers = this.makers[rb];
    if (makers) {
      const into = (this.makers[ra] ??= new Map());
      for (const [source, set] of makers) {
        const own = into.get(source) ?? new Set<string>();
        for (const k of set) own.add(k);
        into.set(source, own);
      }
      this.makers[rb] = undefined;
    }
    const joins = this.joined[rb];
    if (joins) for (const [k, v] of joins) this.add(ra, k, [...v]);
    this.joined[rb] = undefined;
    if (new Set(names).size > 1) this.add(ra, rule, names);
    return true;
  }

  private add(root: number, rule: string, names: string[]): void {
    const joins = (this.joined[root] ??= new Map());
    const set = joins.get(rule) ?? new Set<string>();
    for (const n of names) set.add(n);
    joins.set(rule, set);
  }

  merges(i: number): { rule: string; names: string[] }[] {
    return [...(this.joined[this.find(i)] ?? [])].map(([rule, names]) => ({ rule, names: [...names] }));
  }

  /** Roots with their members, members in index order, roots by their first member. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const r = this.find(i);
      const g = byRoot.get(r);
      if (g) g.push(i);
      else byRoot.set(r, [i]);
    }
    return [...byRoot.values()];
  }

  spellingOf(i: number): string {
    return this.spelling(i);
  }
}
