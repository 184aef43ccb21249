/** The account of a repository key (`host/owner/name…`, `huggingface.co/datasets/owner/name`), on any host. */
function ownerOf(key: string): string {
  const [, first, second] = key.split('/');
  return ['datasets', 'spaces', 'models'].includes(first) && second ? second : first;
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
  /** Per root: rule → spellings it brought together (made on the first join). */
  private readonly joined: (Map<string, Set<string>> | undefined)[];
  private static readonly NONE: ReadonlySet<string> = new Set();

  constructor(size: number, private readonly repoOf: (i: number) => string | null, private readonly spelling: (i: number) => string) {
    this.parent = Array.from({ length: size }, (_, i) => i);
    this.repos = new Array(size);
    this.joined = new Array(size);
    for (let i = 0; i < size; i++) {
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
    return repositoriesConflict(this.reposOf(a), this.reposOf(b));
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
