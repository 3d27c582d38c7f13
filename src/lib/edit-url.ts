/**
 * "Edit this page": the `editUrl` pattern from site.config.ts with `{path}` replaced by the
 * study's file path relative to the project root (`content/case-studies/x.mdx`). Each path
 * segment is percent-encoded, the slashes between them are kept, so a file called
 * `a b.mdx` still opens in the forge's editor. No pattern, no link.
 */
export function editUrlFor(pattern: string | undefined, filePath: string | undefined): string | undefined {
  if (!pattern || !filePath) return undefined;
  const path = filePath
    .replace(/\\/g, '/')
    .replace(/^\.?\//, '')
    .split('/')
    .map(encodeURIComponent)
    .join('/');
  return pattern.replaceAll('{path}', path);
}
