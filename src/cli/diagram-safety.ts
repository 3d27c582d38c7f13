/**
 * `npm run diagrams:safety`: the attack corpus under Casebook's pipeline, plain svgo and
 * DOMPurify's SVG profile (src/tools/diagram-safety/compare.ts), as a table.
 */
import { compare } from '../tools/diagram-safety/compare.ts';

const rows = compare();
console.log('| sanitiser | vectors | refused | output still has hazards | output inert |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, t] of Object.entries(rows)) console.log(`| ${name} | ${t.tried} | ${t.refused} | ${t.hazardous} | ${t.inert} |`);
