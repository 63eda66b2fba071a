import { inEveryLanguage } from '../../../data/language.ts';
import type { APIRoute } from 'astro';
import { downloads } from '../../../data/exports.ts';

export function getStaticPaths() {
	return inEveryLanguage(async () => Object.keys(await downloads()).map((file) => ({ params: { file } })));
}

export const GET: APIRoute = async ({ params }) => {
	const all: Record<string, { text: string; type: string }> = await downloads();
	const download = Object.hasOwn(all, params.file!) ? all[params.file!]! : undefined;
	if (!download) return new Response('Not found', { status: 404 });
	return new Response(download.text, { headers: { 'content-type': download.type } });
};
