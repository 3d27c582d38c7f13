/**
 * HTML comments in `.mdx`: MDX rejects `<!-- … -->` ("to create a comment in MDX, use
 * `{/* text *\/}`"), so one comment at the top of a KEP or ADR template stops the whole file.
 * Casebook rewrites each comment into the MDX comment form before MDX sees the file, keeping
 * every line where it was (so error lines still match the file), and leaves code alone:
 * fenced blocks, indented blocks and inline code spans are copied as written.
 *
 * Hand-written: it is a scanner over fences, code spans and comments only, and no package
 * does this rewrite; a full Markdown parse would be needed to do more, and MDX itself cannot
 * parse the file until the comments are gone.
 */

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

export function htmlCommentsToMdx(source: string): string {
  if (!source.includes('<!--')) return source;
  const lines = source.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  let prose: string[] = [];
  const flush = () => {
    if (prose.length) out.push(rewriteProse(prose.join('\n')));
    prose = [];
  };
  for (const line of lines) {
    if (fence) {
      out.push(line);
      const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      if (close.test(line)) fence = undefined;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open && !insideComment(prose)) {
      flush();
      fence = open[1];
      out.push(line);
      continue;
    }
    prose.push(line);
  }
  flush();
  return out.join('\n');
}

/** Whether the prose collected so far ends inside an open `<!--` (a fence there is comment text). */
function insideComment(prose: string[]): boolean {
  const text = prose.join('\n');
  return text.lastIndexOf('<!--') > text.lastIndexOf('-->');
}

/** Rewrites comments in prose, skipping inline code spans (`` `<!-- x -->` ``). */
function rewriteProse(text: string): string {
  let result = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      if (close !== -1) {
        result += text.slice(i, close + run.length);
        i = close + run.length;
        continue;
      }
      result += run;
      i += run.length;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      const stop = end === -1 ? text.length : end;
      const inner = text.slice(i + 4, stop).replace(/\*\//g, '* /');
      result += `{/*${inner}*/}`;
      i = end === -1 ? text.length : end + 3;
      continue;
    }
    result += text[i];
    i += 1;
  }
  return result;
}
