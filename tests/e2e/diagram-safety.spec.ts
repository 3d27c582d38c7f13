/**
 * Every attack vector (src/tools/diagram-safety/corpus.ts: three public suites and our own)
 * through the real pipeline, then into real Chromium twice: all of them inlined in a real
 * built case-study page, and each as its standalone /diagrams/<name>.svg. Every link is
 * clicked, every figure hovered, every animation advanced. Watched through the DevTools
 * protocol, so detection does not depend on a payload calling alert():
 *  - no script compiles beyond what the page itself compiles (Debugger.scriptParsed);
 *  - no dialog opens; no popup or navigation except to a followed https: link;
 *  - no request leaves 127.0.0.1 (they are recorded and aborted, never sent);
 *  - no style outside the figures changes, and nothing covers the page.
 * One page load for all inline figures and one per standalone file keep it bounded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { aspectRatio, inlineSvg } from '../../src/lib/diagrams/inline.ts';
import { processSvg, type ProcessedDiagram } from '../../src/lib/diagrams/pipeline.ts';
import { standaloneSvg } from '../../src/lib/diagrams/standalone.ts';
import { attackCorpus } from '../../src/tools/diagram-safety/corpus.ts';

const HOST_PAGE = 'case-studies/circuit-breakers/';
const HOST_FILE = join(process.cwd(), 'dist', HOST_PAGE, 'index.html');

const diagrams: ProcessedDiagram[] = attackCorpus().flatMap((v) => {
  try {
    return [processSvg(v.svg, { name: v.id, file: `diagrams/${v.id}.svg` })];
  } catch {
    return []; // refused at build time: nothing reaches a page (attack-suites.test.ts checks how)
  }
});

const figure = (d: ProcessedDiagram): string =>
  `<figure class="diagram" data-diagram="${d.name}" data-attack><div class="canvas" style="--diagram-ratio:${aspectRatio(d.viewBox)};--diagram-width:${d.width}px">${inlineSvg(d, { alt: d.name })}</div></figure>`;

interface Observed {
  scripts: string[];
  dialogs: string[];
  offsite: string[];
  navigations: string[];
  cdp: CDPSession;
  /** The document being loaded on purpose; any other navigation is a followed link. */
  current: string;
}

const withoutHash = (url: string): string => url.replace(/#.*$/, '');

/**
 * Records scripts, dialogs, requests and navigations; aborts every request leaving
 * 127.0.0.1, and every navigation away from the document under test (a followed site link).
 */
async function observe(page: Page, origin: string): Promise<Observed> {
  const cdp = await page.context().newCDPSession(page);
  const seen: Observed = { scripts: [], dialogs: [], offsite: [], navigations: [], cdp, current: '' };
  cdp.on('Debugger.scriptParsed', (e) => {
    const isolated = (e.executionContextAuxData as { type?: string } | undefined)?.type === 'isolated';
    if (!isolated && !e.url.includes('__playwright')) seen.scripts.push(`${e.url}#${e.hash}`);
  });
  await cdp.send('Debugger.enable');
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  // A link with target="_blank" opens a popup; its navigation is routed (and recorded) below.
  page.on('popup', (p) => {
    void p.waitForLoadState().finally(() => p.close());
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && !f.url().startsWith(origin)) seen.navigations.push(f.url());
  });
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    let topLevel = true; // a popup's first request has no frame yet: it is top-level
    try {
      topLevel = route.request().frame().parentFrame() === null;
    } catch {
      topLevel = true;
    }
    const navigation = route.request().isNavigationRequest() && topLevel;
    // A followed link is answered 204 No Content: the browser stays on the document under test
    // (an aborted navigation would replace it with an error page).
    if (url.startsWith(origin)) {
      const followed = navigation && withoutHash(url) !== withoutHash(seen.current);
      return followed ? route.fulfill({ status: 204 }) : route.continue();
    }
    if (url.startsWith('data:')) return route.continue();
    if (navigation && url.startsWith('https:')) {
      seen.navigations.push(url);
      return route.fulfill({ status: 204 });
    }
    seen.offsite.push(url);
    return route.abort();
  });
  return seen;
}

/**
 * Runs test code in an isolated world, so the page's own script count (main world) only ever
 * holds what the page compiled itself.
 */
async function isolated<T>(page: Page, cdp: CDPSession, expression: string): Promise<T> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'casebook-safety-test' });
  const result = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true });
  void page;
  return result.result.value as T;
}

/** Clicks every link, hovers every figure and runs every animation to its end. */
async function interact(page: Page, cdp: CDPSession, scope: string): Promise<string[]> {
  // Clicked from an isolated world: a click event on each link runs the link's activation
  // behaviour (navigation) in the page without compiling anything in the page's own world.
  const followed = await isolated<string[]>(page, cdp, `[...document.querySelectorAll(${JSON.stringify(`${scope} a`)})].map((a) => {
    a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
    return a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
  })`);
  for (const svg of (await page.locator(`${scope}`).all()).slice(0, 400)) {
    await svg.hover({ force: true, trial: false, timeout: 2_000 }).catch(() => undefined);
  }
  await isolated(page, cdp, `for (const svg of document.querySelectorAll('svg')) svg.setCurrentTime?.(1e4);
    for (const a of document.getAnimations()) a.currentTime = 1e7;`);
  await page.waitForLoadState('networkidle');
  return followed;
}

const OUTSIDE = ['body', 'header', 'main h1', 'main p', 'footer', 'figure.diagram:not([data-attack]) figcaption', 'figure.diagram:not([data-attack]) .open'];

async function outsideStyles(page: Page, cdp: CDPSession): Promise<Record<string, string>> {
  return isolated(page, cdp, `(() => {
    const props = ['color', 'background-color', 'font-family', 'font-size', 'display', 'visibility', 'position', 'opacity', 'text-decoration-line'];
    const out = {};
    for (const s of ${JSON.stringify(OUTSIDE)}) {
      const el = document.querySelector(s);
      if (!el) continue;
      const cs = getComputedStyle(el);
      out[s] = props.map((p) => p + '=' + cs.getPropertyValue(p)).join(';');
    }
    return out;
  })()`);
}

/** Navigations that were not to an https: link the test itself followed. */
const httpsOnly = (followed: string[], navigations: string[]): string[] =>
  navigations.filter((n) => !(n.startsWith('https:') && followed.some((f) => f.startsWith('https:') && n.startsWith(f.replace(/\/$/, '')))));

test.describe('attack vectors in a real browser', () => {
  test.skip(diagrams.length === 0, 'no vectors survived the build');

  test('all of them inlined in a built case-study page: no script, dialog, request, navigation or style outside', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
    // The page as built, for what it compiles and how it looks without the vectors.
    const baseline = await observe(page, origin);
    baseline.current = `${origin}/${HOST_PAGE}`;
    await page.goto(HOST_PAGE);
    await page.waitForLoadState('networkidle');
    const before = await outsideStyles(page, baseline.cdp);
    await interact(page, baseline.cdp, 'figure.diagram svg');
    const ownScripts = new Set(baseline.scripts);

    const built = readFileSync(HOST_FILE, 'utf8');
    const at = built.indexOf('</main>');
    expect(at, 'the host page has a <main>').toBeGreaterThan(0);
    const withVectors = `${built.slice(0, at)}<section id="attack-vectors">${diagrams.map(figure).join('')}</section>${built.slice(at)}`;

    const context = await page.context().browser()?.newContext(baseURL ? { baseURL } : {});
    const attacked = await (context ?? page.context()).newPage();
    const seen = await observe(attacked, origin);
    seen.current = `${origin}/${HOST_PAGE}`;
    await attacked.route(`${origin}/${HOST_PAGE}`, (route) => route.fulfill({ body: withVectors, contentType: 'text/html; charset=utf-8' }));
    await attacked.goto(HOST_PAGE);
    expect(await attacked.locator('figure[data-attack] > .canvas > svg').count()).toBe(diagrams.length);
    const followed = await interact(attacked, seen.cdp, 'figure[data-attack] svg');

    expect(seen.scripts.filter((s) => !ownScripts.has(s))).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(seen.offsite).toEqual([]);
    expect(httpsOnly(followed, seen.navigations)).toEqual([]);
    expect(withoutHash(attacked.url())).toBe(`${origin}/${HOST_PAGE}`);
    expect(await outsideStyles(attacked, seen.cdp)).toEqual(before);
    // Nothing lies over the page: what is hit over the header and the title is not a figure.
    const covered = await isolated<string[]>(attacked, seen.cdp, `['header', 'main h1'].filter((s) => {
      const el = document.querySelector(s);
      if (!el) return false;
      el.scrollIntoView();
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!hit && !!hit.closest('figure[data-attack]');
    })`);
    expect(covered).toEqual([]);
    await context?.close();
  });

  test('each one as its standalone /diagrams/<name>.svg: no script, dialog, request or navigation', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
    const seen = await observe(page, origin);
    await page.route(`${origin}/diagrams/*.svg`, (route) => {
      const name = new URL(route.request().url()).pathname.replace(/^.*\//, '').replace(/\.svg$/, '');
      const d = diagrams.find((x) => x.name === name);
      return d ? route.fulfill({ body: standaloneSvg(d), contentType: 'image/svg+xml; charset=utf-8' }) : route.continue();
    });
    // What this harness compiles in any document (Playwright's own), from a real built file.
    seen.current = `${origin}/diagrams/circuit-breakers.svg`;
    await page.goto('diagrams/circuit-breakers.svg');
    await interact(page, seen.cdp, 'svg');
    const harness = new Set(seen.scripts);
    seen.scripts.length = 0;
    const executed: string[] = [];
    for (const d of diagrams) {
      const counts = [seen.scripts.length, seen.dialogs.length, seen.offsite.length, seen.navigations.length];
      seen.current = `${origin}/diagrams/${d.name}.svg`;
      await page.goto(`diagrams/${d.name}.svg`);
      const followed = await interact(page, seen.cdp, 'svg');
      const nav = httpsOnly(followed, seen.navigations.slice(counts[3]));
      seen.scripts.splice(0, seen.scripts.length, ...seen.scripts.filter((h) => !harness.has(h)));
      if (seen.scripts.length > (counts[0] ?? 0) || seen.dialogs.length > (counts[1] ?? 0) || seen.offsite.length > (counts[2] ?? 0) || nav.length > 0) {
        executed.push(d.name);
      }
    }
    expect(seen.scripts).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(seen.offsite).toEqual([]);
    expect(executed).toEqual([]);
  });
});
