import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireBuildLock, buildLockPath } from '../../src/lib/build/lock.ts';
import { launch } from '../support/browser.ts';
import { fixture, ROOT, userEnv } from '../support/run.ts';

const content = mkdtempSync(join(tmpdir(), 'findings-dev-'));
let dev: ChildProcess;
let output = '';
let origin: string;
let browser: Browser;
let release: () => void;

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function edit(file: string, from: string | RegExp, to: string) {
	const path = join(content, file);
	const text = readFileSync(path, 'utf8');
	expect(text).toMatch(from);
	writeFileSync(path, text.replace(from, to));
}

beforeAll(async () => {
	// The dev server and a build of another report would share the project's .astro folder: builds in
	// other test files wait until this one is done, as the README asks of authors.
	release = await acquireBuildLock(buildLockPath(ROOT), () => {});
	cpSync(fixture('second-report'), content, { recursive: true });
	const port = await freePort();
	origin = `http://127.0.0.1:${port}/procurement-2025`;
	dev = spawn(process.execPath, ['scripts/dev.ts', '--port', String(port), '--host', '127.0.0.1'], {
		cwd: ROOT,
		env: userEnv({ REPORT_CONTENT: content }),
	});
	dev.stdout!.on('data', (chunk) => (output += chunk));
	dev.stderr!.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 60_000;
	let last: unknown;
	while (
		(await fetch(`${origin}/`).then(
			(response) => response.status,
			(error) => ((last = error.cause ?? error), 0),
		)) !== 200
	) {
		if (Date.now() > deadline)
			throw new Error(
				`npm run dev did not start (${String(last)}, exit ${dev.exitCode} ${dev.signalCode}):\n${output}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	browser = await launch();
});

afterAll(async () => {
	writeFileSync(join(tmpdir(), 'findings-dev-server.log'), output);
	await browser?.close();
	dev?.kill();
	await new Promise((resolve) => (dev?.exitCode === null ? dev.once('exit', resolve) : resolve(null)));
	release?.();
	rmSync(content, { recursive: true, force: true });
});

const text = (page: Page, selector: string) => page.locator(selector).innerText({ timeout: 5_000 });

describe('npm run dev', () => {
	it('updates the open page when its file, another finding or report.yaml is saved, and shows problems with file:line', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/scope/`, { timeout: 20_000 });
		expect(await text(page, 'main')).toContain('This audit covered 3 procurement exercises, 2 of them reported');

		edit('pages/scope.md', 'This audit covered', 'The whole audit covered');
		await expect
			.poll(() => text(page, 'main'), { timeout: 15_000 })
			.toContain('The whole audit covered 3 procurement exercises, 2 of them reported');

		// Another file: the page's :count changes, and the figure it breaks is reported in the page and the terminal.
		edit('findings/2025/PA-3.md', 'status: planned', 'status: completed\noutcome: satisfactory\nclosed: 2025-06-01');
		await expect.poll(() => text(page, 'main'), { timeout: 15_000 }).toContain('3 of them reported');
		await expect
			.poll(
				() =>
					page
						.locator('.dev-problems')
						.innerText({ timeout: 2_000 })
						.catch(() => ''),
				{ timeout: 15_000 },
			)
			.toContain(
				`${join(content, 'report.yaml')}:18: figures.reported.value: declared 2, but count(status=completed) gives 3`,
			);
		expect(output).toContain(`${join(content, 'report.yaml')}:18: figures.reported.value: declared 2`);

		edit('report.yaml', 'reported: { label: Reported, value: 2,', 'reported: { label: Reported, value: 3,');
		await expect
			.poll(
				() =>
					page
						.locator('.dev-problems')
						.isVisible({ timeout: 2_000 })
						.catch(() => true),
				{ timeout: 15_000 },
			)
			.toBe(false);
		await expect.poll(() => text(page, 'main').catch(() => ''), { timeout: 15_000 }).toContain('3 of them reported');
		await context.close();
	});

	it('searches the words as saved, before anything is published', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${origin}/search/?q=pothole`);
		await expect.poll(() => text(page, '.search-status'), { timeout: 30_000 }).toBe('1 result for “pothole”.');
		edit('findings/2025/PA-3.md', 'Planned work.', 'Planned work on quagmirely contracts.');
		// The status and the results read together: the dev server may still reload the page after the save.
		await expect
			.poll(
				async () => {
					await page.goto(`${origin}/search/?q=quagmirely`);
					const answer = page.locator('.search-status').filter({ hasText: /result|Nothing found/ });
					try {
						const status = await answer.innerText({ timeout: 10_000 });
						return [status, ...(await page.locator('.search-results h2').allInnerTexts())];
					} catch {
						return [];
					}
				},
				{ timeout: 30_000, interval: 1_000 },
			)
			.toEqual(['1 result for “quagmirely”.', 'Consultancy call-offs']);
		await context.close();
	});

	it('logs no error for files the site has only when built, such as the service worker', () => {
		// Every page above was opened; none asked the dev server for something it does not have.
		expect(output).not.toMatch(/\[404\]/);
		expect(output).not.toContain('New version of Astro available');
	});
});
