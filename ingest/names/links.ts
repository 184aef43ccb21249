/**
 * What a link can tell about identity. A code or model repository (`github.com/owner/repo…`,
 * `huggingface.co/owner/name`) identifies one project; a paper link identifies a paper; other
 * links (sites, blogs, search pages) identify nothing.
 */

const REPOSITORY_HOSTS = new Set(['github.com', 'gitlab.com', 'gitee.com', 'huggingface.co', 'modelscope.cn']);

/** First path segments that are sections of a host, not accounts (`huggingface.co/datasets/…`). */
const NOT_ACCOUNTS = ['models', 'datasets', 'spaces', 'chat', 'blog', 'docs', 'collections', 'papers', 'orgs', 'organizations'];

function parse(url: string): URL | null {
  const trimmed = url.trim();
  if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('.') || trimmed.startsWith('/')) return null;
  try {
    return new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
}

function pathSegments(u: URL): string[] {
  return u.pathname
    .split('/')
    .map((s) => decodeURIComponentSafe(s))
    .filter(Boolean);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * `github.com/nlpxucan/wizardlm/tree/main/wizardcoder`: host and full path, lower-cased,
 * without query, fragment, `.git` or trailing slash. The full path is kept on purpose: a
 * sub-folder of a repository (WizardCoder inside WizardLM) is a different project.
 * Null when the link is not to a repository.
 */
export function repositoryKey(url: string): string | null {
  const u = parse(url);
  if (!u) return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  if (!REPOSITORY_HOSTS.has(host)) return null;
  const segments = pathSegments(u).map((s) => s.toLowerCase().replace(/\.git$/, ''));
  const [owner] = segments;
  if (segments.length < 2 || (NOT_ACCOUNTS.includes(owner) && segments.length < 3)) {
    return null;
  }
  return [host, ...segments].join('/');
}

/**
 * The account that owns a repository link (`juncongmoo` for github.com/juncongmoo/chatllama,
 * `deepseek-ai` for huggingface.co/collections/deepseek-ai/…), spelled as the link writes it.
 */
export function repositoryOwner(url: string): string | null {
  if (!repositoryKey(url)) return null;
  const segments = pathSegments(parse(url)!);
  const owner = NOT_ACCOUNTS.includes(segments[0]?.toLowerCase() ?? '') ? segments[1] : segments[0];
  return owner ?? null;
}

/** Last path segment of a repository link (`alpa` for github.com/alpa-projects/alpa). */
export function repositoryName(url: string): string | null {
  const u = parse(url);
  if (!u || !repositoryKey(url)) return null;
  const segments = pathSegments(u);
  return segments[1] ?? null;
}

/** `2305.14314` for arxiv.org/abs/2305.14314v2 and arxiv.org/pdf/2305.14314.pdf. */
/** Hosts and paths of articles: blog posts, write-ups, social posts. */
const ARTICLE_HOSTS = /^(?:[\w-]+\.)*(?:medium\.com|zenn\.dev|qiita\.com|note\.com|zhuanlan\.zhihu\.com|mp\.weixin\.qq\.com|twitter\.com|x\.com|substack\.com|hatenablog\.com|dev\.to)$/i;
const ARTICLE_HOST_PREFIX = /^(?:tech-?blog|blog|engineering)\./i;
const ARTICLE_PATH = /^\/(?:[\w-]+\/)?(?:blog|entry|posts?|articles?)\//i;

/** `tech-blog.abeja.asia/entry/…`, `medium.com/@x/…`: a page that writes about things, no thing itself. */
export function isArticleUrl(url: string): boolean {
  try {
    const u = new URL(url.trim());
    if (REPOSITORY_HOSTS.has(u.hostname.replace(/^www\./, ''))) return false;
    return ARTICLE_HOSTS.test(u.hostname) || ARTICLE_HOST_PREFIX.test(u.hostname) || ARTICLE_PATH.test(u.pathname);
  } catch {
    return false;
  }
}

export function arxivId(url: string): string | null {
  const m = /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})(?:v\d+)?/i.exec(url);
  return m ? m[1] : null;
}

/** Same document: host and path compared case-insensitively, without query, fragment or trailing slash. */
export function documentKey(url: string): string | null {
  const u = parse(url);
  if (!u) return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  return `${host}${u.pathname.toLowerCase().replace(/\/+$/, '')}`;
}
