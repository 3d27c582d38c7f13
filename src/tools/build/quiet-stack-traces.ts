/**
 * Keeps stack traces out of an author's terminal during `npm run build`.
 *
 * When a page fails to render, Astro logs the error with its stack before the build rejects;
 * our wrapper then prints the one-line explanation. The stack frames ("    at renderJSX …
 * (file:///…/chunks/x.mjs:2217:27)") point into bundled chunks and help no author, so this
 * drops those lines from stdout/stderr while the build runs. CASEBOOK_DEBUG=1 keeps them.
 */
const STACK_FRAME = /^\s+at\s+(?:async\s+)?\S.*(?:\(.*:\d+:\d+\)|:\d+:\d+|\(native\)|<anonymous>\)?)\s*$/;

/** The text with stack-frame lines removed (line endings of the other lines kept). */
export function withoutStackFrames(text: string): string {
  return text
    .split(/(?<=\n)/)
    .filter((line) => !STACK_FRAME.test(line.replace(/\r?\n$/, '').replace(/\x1b\[[0-9;]*m/g, '')))
    .join('');
}

type Write = typeof process.stdout.write;

/** Filters stack frames out of both streams until the returned function is called. */
export function quietStackTraces(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): () => void {
  if (process.env.CASEBOOK_DEBUG) return () => undefined;
  const originals = streams.map((stream) => stream.write);
  streams.forEach((stream, i) => {
    const original = originals[i]!.bind(stream) as Write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const filtered = typeof chunk === 'string' ? withoutStackFrames(chunk) : chunk;
      if (filtered === '') return true;
      return (original as (c: unknown, ...r: unknown[]) => boolean)(filtered, ...rest);
    }) as Write;
  });
  return () => streams.forEach((stream, i) => (stream.write = originals[i]!));
}
