/**
 * The author's site settings, in one typed and validated place.
 *
 * Edit the object at the bottom. It is checked with zod when the site builds (and in the
 * unit tests), so a typo in a setting fails with the setting's name instead of producing a
 * silently broken page. `CASEBOOK_SITE` and `CASEBOOK_BASE` override `url` and `base` for
 * deployments (the GitHub Pages workflow sets them from the repository name).
 */
import { z } from 'astro/zod';

const socialSchema = z.strictObject({
  label: z.string().min(1),
  url: z.url({ error: 'expected an absolute URL like https://github.com/you' }),
});

export const siteConfigSchema = z.strictObject({
  /** Site title, shown in the header and in the browser tab. */
  title: z.string().min(1),
  /** One sentence that describes the site; used as the home page's meta description. */
  description: z.string().min(1),
  /** Absolute URL the site is deployed at, without the base path. */
  url: z.url({ error: 'expected the absolute URL the site is served from, e.g. https://you.dev' }),
  /** Base path the site is served under: "/" at a domain root, "/repo/" on GitHub Pages. */
  base: z
    .string()
    .regex(/^\/([\w.-]+\/)*$/, { error: 'expected a base path that starts and ends with "/", e.g. "/" or "/portfolio/"' }),
  lang: z.string().default('en'),
  author: z.strictObject({
    name: z.string().min(1),
    role: z.string().min(1),
    /** A short paragraph for the home page. */
    bio: z.string().min(1),
    email: z.email().optional(),
    /** Path (under public/) or URL of a portrait; optional. */
    avatar: z.string().optional(),
  }),
  /** The call to action at the end of the home page and of every case study. */
  contact: z.strictObject({
    heading: z.string().min(1),
    text: z.string().min(1),
    /** Button label and target (mailto:, https:, or a site path). */
    label: z.string().min(1),
    href: z.string().min(1),
  }),
  social: z.array(socialSchema).default([]),
  /** How many featured case studies the home page shows. */
  featuredCount: z.number().int().positive().default(6),
  /**
   * Cross-fade between pages with the browser's own cross-document view transitions (CSS only,
   * no client router; skipped for readers who ask for reduced motion). false turns them off.
   */
  viewTransitions: z.boolean().default(true),
  /**
   * Where "Edit this page" goes: a URL with `{path}` standing for the study's file relative to
   * the project root, e.g. https://github.com/me/site/edit/main/{path}. Unset: no edit link.
   */
  editUrl: z
    .url({ error: 'expected an absolute URL with {path} in it, e.g. https://github.com/me/site/edit/main/{path}' })
    .refine((u) => u.includes('{path}'), {
      error: 'expected {path} in the edit URL, e.g. https://github.com/me/site/edit/main/{path}',
    })
    .optional(),
});

export type SiteConfig = z.output<typeof siteConfigSchema>;

/** An environment override wins; an empty override means "no edit links". */
function editUrlSetting(override: string | undefined, fallback: string): string | undefined {
  if (override === undefined) return fallback;
  return override.trim() === '' ? undefined : override.trim();
}

const normaliseBase = (b: string) => (b.endsWith('/') ? b : `${b}/`);

export const siteConfig: SiteConfig = siteConfigSchema.parse({
  title: 'Casebook',
  description:
    'Engineering case studies: the systems, the architecture decisions behind them, and what production taught along the way.',
  url: process.env.CASEBOOK_SITE ?? 'https://casebook.example.dev',
  base: normaliseBase(process.env.CASEBOOK_BASE ?? '/'),
  lang: 'en',
  author: {
    name: 'Alex Kim',
    role: 'Backend & distributed systems engineer',
    bio: 'I design and build backend systems that stay up under load: event pipelines, payment flows, security platforms and the infrastructure underneath them. I think in boxes and arrows first, and I write down the trade-offs so the next engineer does not have to rediscover them.',
    email: 'hello@casebook.example.dev',
  },
  contact: {
    heading: 'Have a system that needs to scale, or stop breaking?',
    text: 'I take on a few architecture reviews and hands-on backend engagements each month. If one of these case studies looks like your problem, I would like to hear about it.',
    label: 'Talk architecture',
    href: 'mailto:hello@casebook.example.dev',
  },
  social: [
    { label: 'GitHub', url: 'https://github.com/casebook-example' },
    { label: 'LinkedIn', url: 'https://www.linkedin.com/in/casebook-example' },
  ],
  featuredCount: 6,
  viewTransitions: true,
  // CASEBOOK_EDIT_URL overrides it (the GitHub workflow points it at the repository); set it
  // to an empty string for no edit links.
  editUrl: editUrlSetting(process.env.CASEBOOK_EDIT_URL, 'https://github.com/casebook-example/casebook/edit/main/{path}'),
});
