/**
 * Reads a built case-study page back into what a feed needs: its article metadata (from the
 * page's own TechArticle JSON-LD, so the feed and the structured data cannot disagree) and
 * the body as self-contained HTML for feed readers:
 *
 * - every link and image is absolute (feed readers have no base URL to resolve against);
 * - a diagram figure becomes a picture of its standalone file, with its caption: inline SVG
 *   with site CSS variables means nothing in a reader, and many strip <svg> outright;
 * - scripts, styles, the "last updated / edit" footer and Astro's data-* and class hooks go.
 *
 * htmlparser2 (with domutils/dom-serializer, its companions) parses, because the page is
 * our own well-formed output and it is the small, fast parser already installed.
 */
import { parseDocument } from 'htmlparser2';
import { findAll, findOne, getAttributeValue, removeElement, textContent } from 'domutils';
import render from 'dom-serializer';
import type { Element } from 'domhandler';

export interface FeedArticle {
  title: string;
  summary: string;
  /** Absolute canonical URL. */
  url: string;
  published: Date;
  modified: Date;
  category: string;
  keywords: string[];
  /** The article body, self-contained HTML. */
  contentHtml: string;
}

const isElement = (name: string) => (el: Element) => el.name === name;

/** The page's article, or undefined for a page that is not a published case study (noindex). */
export function extractArticle(html: string, pageUrl: string): FeedArticle | undefined {
  const doc = parseDocument(html);
  const robots = findAll((el) => el.name === 'meta' && getAttributeValue(el, 'name') === 'robots', doc.children);
  if (robots.some((m) => /noindex/.test(getAttributeValue(m, 'content') ?? ''))) return undefined;
  const ld = findAll((el) => el.name === 'script' && getAttributeValue(el, 'type') === 'application/ld+json', doc.children)
    .map((s) => JSON.parse(textContent(s)) as Record<string, unknown>)
    .find((d) => d['@type'] === 'TechArticle');
  const prose = findOne((el) => el.name === 'div' && (getAttributeValue(el, 'class') ?? '').split(/\s+/).includes('prose'), doc.children);
  if (!ld || !prose) return undefined;
  return {
    title: String(ld.headline),
    summary: String(ld.description),
    url: String(ld.url),
    published: new Date(String(ld.datePublished)),
    modified: new Date(String(ld.dateModified)),
    category: String(ld.articleSection),
    keywords: Array.isArray(ld.keywords) ? ld.keywords.map(String) : [],
    contentHtml: feedHtml(prose, pageUrl),
  };
}

const URL_ATTRIBUTES = ['href', 'src', 'poster'];

function absolute(value: string, pageUrl: string): string {
  try {
    return new URL(value, pageUrl).href;
  } catch {
    return value;
  }
}

/** The prose element's children as feed-ready HTML (see the header). */
export function feedHtml(prose: Element, pageUrl: string): string {
  for (const el of findAll((e) => ['script', 'style', 'template', 'noscript'].includes(e.name), prose.children)) removeElement(el);
  for (const el of findAll((e) => e.name === 'footer' && (getAttributeValue(e, 'class') ?? '').includes('study-footer'), prose.children)) removeElement(el);
  for (const figure of findAll((e) => e.name === 'figure' && e.attribs['data-diagram'] !== undefined, prose.children)) {
    simplifyDiagram(figure, pageUrl);
  }
  for (const el of findAll(() => true, prose.children)) {
    for (const name of Object.keys(el.attribs)) {
      if (name.startsWith('data-') || name === 'class' || name === 'style' || name.startsWith('on')) delete el.attribs[name];
    }
    for (const name of URL_ATTRIBUTES) {
      const value = el.attribs[name];
      if (value !== undefined) el.attribs[name] = absolute(value, pageUrl);
    }
    const srcset = el.attribs.srcset;
    if (srcset) {
      el.attribs.srcset = srcset
        .split(',')
        .map((part) => part.trim().replace(/^(\S+)/, (u) => absolute(u, pageUrl)))
        .join(', ');
    }
  }
  return render(prose.children, { encodeEntities: 'utf8' }).trim();
}

/** figure > .canvas > svg, "View diagram" link, figcaption  ->  figure > img, figcaption. */
function simplifyDiagram(figure: Element, pageUrl: string) {
  const link = findOne((e) => e.name === 'a' && e.attribs['data-diagram-open'] !== undefined, figure.children);
  const svg = findOne(isElement('svg'), figure.children);
  const img = findOne(isElement('img'), figure.children);
  const caption = findOne(isElement('figcaption'), figure.children);
  const labelId = svg ? getAttributeValue(svg, 'aria-labelledby') : undefined;
  const label =
    (svg && getAttributeValue(svg, 'aria-label')) ??
    (labelId ? textContent(findAll((e) => e.attribs.id === labelId, figure.children)) : undefined) ??
    (img && getAttributeValue(img, 'alt')) ??
    (caption ? textContent(caption) : 'Diagram');
  const src = link ? getAttributeValue(link, 'href') : img ? getAttributeValue(img, 'src') : undefined;
  const picture = parseDocument(`<img>`).children[0] as Element;
  picture.attribs = { src: absolute(src ?? '', pageUrl), alt: label.trim() };
  figure.children = [];
  picture.parent = figure;
  figure.children.push(picture);
  if (caption) {
    caption.parent = figure;
    picture.next = caption;
    caption.prev = picture;
    figure.children.push(caption);
  }
}
