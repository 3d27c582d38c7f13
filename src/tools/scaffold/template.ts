/**
 * The text of a new case study: every section, and frontmatter placeholders that already
 * pass `caseStudySchema` so the file builds (as a draft) the moment it is created.
 *
 * Placeholders say what belongs there; YAML comments (`#`) and MDX comments (`{/* *\/}`)
 * carry the guidance and never reach the page.
 */

export interface TemplateInput {
  title: string;
  /** The publication date, YYYY-MM-DD. */
  date: string;
}

/** Section headings every case study has, in order. */
export const SECTIONS = ['Problem', 'Architecture', 'Technical Challenges', 'Key Design Decisions', 'Lessons Learned'] as const;

/** Quotes a string for YAML only when it needs it (JSON strings are valid YAML). */
function yamlString(value: string): string {
  return /^[\w][\w .,()'/&+-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/:\s|\s#/.test(value)
    ? value
    : JSON.stringify(value);
}

export function renderCaseStudyTemplate({ title, date }: TemplateInput): string {
  return `---
# Frontmatter reference: README.md, "Adding a case study". \`npm run validate\` checks this file.
title: ${yamlString(title)}
summary: One or two sentences on what this system does and for whom. Shown on cards, in feeds and in search results.
subtitle: A short kicker under the title, e.g. Serverless Cybersecurity Platform
date: ${date}
category: Distributed Systems
stack: [TypeScript, PostgreSQL]
tags: []
# One of: production, design-exercise, reference-architecture, in-progress, research
status: in-progress
featured: false
# Drafts show in \`npm run dev\` only. Set to false to publish.
draft: true
problemSolved: What changed because this system exists, in one line.
metrics:
  - label: Throughput
    value: 10k requests/sec
    detail: Replace with a measured figure and how it was measured.
links: []
#  - kind: code        # code, paper, demo, slides, article, website, video
#    url: https://github.com/you/project
# cover:
#   diagram: my-diagram   # diagrams/my-diagram.svg
#   keyPoints: [First point, Second point, Third point]
---

## Problem

{/* What was broken, slow, risky or missing, and for whom? Give the constraints: scale, budget, team, deadlines. */}

Describe the problem this system solves.

## Architecture

{/* Add a diagram: save it as diagrams/<name>.svg and write <Diagram name="<name>" caption="..." />. */}

Describe the main components and how data flows between them.

## Technical Challenges

{/* The two or three hardest problems and how you solved them. Code blocks are welcome. */}

<Callout type="note" title="Example callout">
Use callouts (note, tip, warning, lesson) for asides the reader should not miss.
</Callout>

## Key Design Decisions

<CardGrid>
  <WhyCard question="Why this approach?">
    The decision, the alternatives you considered, and the trade-off you accepted.
  </WhyCard>
</CardGrid>

## Lessons Learned

{/* What would you do differently? What surprised you in production? */}

- A lesson learned.
`;
}
