import { stringify } from 'yaml';

export const KINDS = ['finding', 'theme', 'page'] as const;
export type Kind = (typeof KINDS)[number];

export const FOLDERS: Record<Kind, string> = { finding: 'findings', theme: 'themes', page: 'pages' };

/**
 * The template's words that an author must replace: the check refuses a published finding, theme or chapter that
 * still holds one, so that no scaffold is published by accident.
 */
export const PLACEHOLDERS = {
	findingSummary: 'One or two sentences on what was found (at most 300 characters).',
	findingBody: 'Write the finding here: what was examined, what was found, and why.',
	themeSummary: 'One sentence that says what this theme covers.',
	themeBody: 'Write the narrative of this theme here: what the findings on it have in common, and what it means.',
	pageBody: 'Write this chapter here.',
} as const;

function frontmatter(fields: Record<string, unknown>): string {
	return `---\n${stringify(fields, { flowCollectionPadding: false }).trimEnd()}\n---\n`;
}

/**
 * A new finding is a draft: drafts count in no figure, so adding one never breaks a reconciled total.
 * `status` is `open`, or the report's first status that needs no outcome when it has no `open`.
 */
export function findingTemplate(title: string, status: string, today: string): string {
	return `${frontmatter({
		title,
		summary: PLACEHOLDERS.findingSummary,
		status,
		opened: today,
		themes: [],
		metrics: {},
		draft: true,
	})}
${PLACEHOLDERS.findingBody}

When it is ready, set its figures under \`metrics\`, add its \`themes\`, and remove \`draft: true\` to publish it.
`;
}

/**
 * A finding's translation to fill in, written beside a new finding: its words only (the facts are the original's),
 * with the template's text, which the check refuses once the finding is published.
 */
export function findingTranslationTemplate(title: string, language: string): string {
	return `${frontmatter({ title, summary: PLACEHOLDERS.findingSummary })}
${PLACEHOLDERS.findingBody}

This is the finding in ${language}: translate its title, summary and text, and add its recommendations (\`text\` and
\`to\`, as many as the original has, in its order) once the original has them.
`;
}

export function themeTemplate(title: string): string {
	return `${frontmatter({ title, summary: PLACEHOLDERS.themeSummary })}
${PLACEHOLDERS.themeBody}
`;
}

export function pageTemplate(title: string): string {
	return `${frontmatter({ title })}
${PLACEHOLDERS.pageBody}
`;
}

/**
 * A new report's report.yaml: every field, what it means and whether it may be left out, so that an author never
 * types one from the README. It passes the check as it is.
 */
export function reportTemplate(title: string, today: string): string {
	return `# The report: what it is, who publishes it, and what its findings count. Lines starting with # are notes.
title: ${JSON.stringify(title)}   # required: the report's title, on every page
# subtitle: What the report covers   # optional: shown under the title
publisher: Your organisation   # required: who publishes the report
asAt: ${today}   # required: the date the figures are correct at (YYYY-MM-DD)
# edition: Interim report   # optional: this edition's name, when there will be others
language: en-GB   # optional (default en): the language of the report, for dates and numbers
# site: https://example.org/report/   # optional: the address where it will be hosted
# notice: "Draft for consultation."   # optional: a line shown on every page
# shortName: my-report   # optional: names the files made from the report (default: from the title)

# Required, at least one: the numbers each finding records, in the order shown. Write each on its own line,
# as here; a label or description with a comma must then be in quotes.
metrics:
  cases:
    label: Cases
    description: How many cases the finding examined

# Required: what a completed finding can conclude.
outcomes:
  upheld:
    label: Upheld
  not-upheld:
    label: Not upheld

# Optional: the stages a finding goes through. Without this list, the default is open, completed and
# discontinued; a completed finding has an outcome and a closed date.
# statuses:
#   open:
#     label: Under investigation
#   completed:
#     label: Completed

# Optional: the headline figures. One with "equals" is checked against the findings at every check and build:
# count, count(status=completed), sum(cases), sum(cases, theme=example-theme).
figures:
  findings:
    label: Findings
    value: 0
    equals: count

# Optional: corrections to what was published, newest first, each dated the day it was published.
# corrections:
#   - date: ${today}
#     text: What was wrong, and what is right.
#     findings: [finding-id]
`;
}
