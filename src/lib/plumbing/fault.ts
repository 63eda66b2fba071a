/** The stages of a command where a test can make it fail, to see that every command still ends as it should. */
export const FAULT_STAGES = ['check', 'render', 'search', 'pages', 'pdf', 'edition', 'finish'] as const;
export type FaultStage = (typeof FAULT_STAGES)[number];

/**
 * `REPORT_FAULT=<stage>` makes that stage throw, in whichever thread it runs: the tests use it to prove that a
 * failure anywhere gives one line and a non-zero exit, ends every thread, and leaves the previous site in place.
 */
export function faultPoint(stage: FaultStage): void {
	if (process.env.REPORT_FAULT === stage) throw new Error(`a fault was injected at the ${stage} stage (REPORT_FAULT)`);
}
