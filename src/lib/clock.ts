/** The hours by which the latest time zone (Kiribati's, UTC+14) is ahead of UTC. */
const LATEST_ZONE_HOURS = 14;

/**
 * The build's day, as YYYY-MM-DD: the latest date it is anywhere on Earth now, so that nothing dated today is
 * refused wherever its author is. `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) pins it, for
 * tests and for rebuilding an old edition exactly.
 */
export function buildDay(now: Date = clockNow()): string {
	return new Date(now.getTime() + LATEST_ZONE_HOURS * 3_600_000).toISOString().slice(0, 10);
}

function clockNow(): Date {
	const epoch = Number(process.env.SOURCE_DATE_EPOCH);
	return process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}
