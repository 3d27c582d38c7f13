/// <reference types="astro/client" />

/**
 * For plain `tsc` only: it cannot read .astro files, so it sees each one as a component.
 * `astro check` resolves .astro files itself and checks their real props.
 */
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
