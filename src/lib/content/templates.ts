import { stringify } from 'yaml';

export const KINDS = ['finding', 'theme', 'page'] as const;
export type Kind = (typeof KINDS)[number];

export const FOLDERS: Record<Kind, string> = { finding: 'findings', theme: 'themes', page: 'pages' };

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
		summary: 'One or two sentences on what was found (at most 300 characters).',
		status,
		opened: today,
		themes: [],
		metrics: {},
		draft: true,
	})}
Write the finding here: what was examined, what was found, and why.

When it is ready, set its figures under \`metrics\`, add its \`themes\`, and remove \`draft: true\` to publish it.
`;
}

export function themeTemplate(title: string): string {
	return `${frontmatter({ title, summary: 'One sentence that says what this theme covers.' })}
Write the narrative of this theme here: what the findings on it have in common, and what it means.
`;
}

export function pageTemplate(title: string): string {
	return `${frontmatter({ title })}
Write this chapter here.
`;
}
