/**
 * One slug function for every URL Casebook makes (case studies, categories, tags), so a
 * link built on one page always matches the page generated for it. github-slugger is the
 * same algorithm Astro uses for heading ids.
 */
import { slug as githubSlug } from 'github-slugger';

export function slugify(text: string): string {
  return githubSlug(text.trim());
}
