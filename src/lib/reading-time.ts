/**
 * Reading time of an MDX body, in whole minutes (at least one). Uses the `reading-time`
 * package on the text with code fences and JSX tags stripped, so a long Lua script or a
 * component's props do not inflate the estimate.
 */
import readingTime from 'reading-time';

export function readingMinutes(mdxBody: string): number {
  const prose = mdxBody
    .replace(/^```[\s\S]*?^```/gm, ' ')
    .replace(/<\/?[A-Z][^>]*>/g, ' ')
    .replace(/^import .*$/gm, ' ');
  return Math.max(1, Math.round(readingTime(prose).minutes));
}
