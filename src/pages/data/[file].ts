import type { APIRoute } from 'astro';
import { downloads } from '../../data/exports.ts';

export async function getStaticPaths() {
	return Object.keys(await downloads()).map((file) => ({ params: { file } }));
}

export const GET: APIRoute = async ({ params }) => {
	const download = (await downloads())[params.file as keyof Awaited<ReturnType<typeof downloads>>];
	return new Response(download.text, { headers: { 'content-type': download.type } });
};
