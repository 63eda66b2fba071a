import { displayPath } from '../src/lib/display-path.ts';
import { contentDir } from '../src/lib/content/dirs.ts';
import { scaffold } from '../src/lib/content/scaffold.ts';
import { KINDS, type Kind } from '../src/lib/content/templates.ts';
import { main } from './cli.ts';

const USAGE = `usage: npm run new -- <${KINDS.join('|')}> "Title"`;

await main(() => {
	const [kind, ...words] = process.argv.slice(2);
	const title = words.join(' ').trim();
	if (!kind || !(KINDS as readonly string[]).includes(kind) || !title) {
		console.error(USAGE);
		return 1;
	}
	const result = scaffold(contentDir(), kind as Kind, title);
	if (!result.ok) {
		console.error(result.message);
		return 1;
	}
	console.log(`Wrote ${displayPath(result.path)}`);
	if (kind === 'finding') console.log('It is a draft: fill in its fields, then remove `draft: true` to publish it.');
	return 0;
});
