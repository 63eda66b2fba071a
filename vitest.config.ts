import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		// Build-fixture and browser tests run the real pipeline; two cores here, so at most two at once.
		maxWorkers: 2,
		testTimeout: 60_000,
		hookTimeout: 180_000,
		reporters: ['default', './test/support/summary-reporter.ts'],
	},
});
