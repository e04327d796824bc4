// Kick-off times: openfootball gives a local date and time, sometimes with a
// `UTC±H` suffix, otherwise in the competition's home time zone.

const EXPLICIT_OFFSET = /^(\d{1,2}):(\d{2})\s*UTC([+-]\d{1,2})(?::?(\d{2}))?$/;
const LOCAL_TIME = /^(\d{1,2}):(\d{2})$/;
/** Central European times the 2026 play-off file writes by their names. */
const NAMED_OFFSET = /^(\d{1,2}):(\d{2})\s*(CET|CEST)$/;
const NAMED_OFFSET_MINUTES: Record<string, number> = { CET: 60, CEST: 120 };

/**
 * Converts a local kick-off to an ISO-8601 UTC instant.
 * A missing time (not yet fixed) gives midnight UTC of the date.
 * @throws Error when the date or time cannot be read.
 */
export function kickoffToUtc(
	date: string,
	time: string | undefined | null,
	timeZone: string,
): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Unreadable match date "${date}"`);
	if (!time) return `${date}T00:00:00Z`;

	const explicit = EXPLICIT_OFFSET.exec(time.trim());
	if (explicit) {
		const [, hh, mm, offsetHours, offsetMinutes] = explicit;
		const sign = offsetHours.startsWith("-") ? -1 : 1;
		const offset = sign * (Math.abs(Number(offsetHours)) * 60 + Number(offsetMinutes ?? 0));
		return isoFromLocal(date, Number(hh), Number(mm), offset);
	}
	const named = NAMED_OFFSET.exec(time.trim());
	if (named) {
		const [, hh, mm, zone] = named;
		return isoFromLocal(date, Number(hh), Number(mm), NAMED_OFFSET_MINUTES[zone]);
	}
	const local = LOCAL_TIME.exec(time.trim());
	if (!local) throw new Error(`Unreadable kick-off time "${time}"`);
	const [, hh, mm] = local;
	// The zone's offset depends on the day (summer time), so ask at that instant.
	const guess = Date.UTC(...ymd(date), Number(hh), Number(mm));
	return isoFromLocal(date, Number(hh), Number(mm), zoneOffsetMinutes(timeZone, guess));
}

function ymd(date: string): [number, number, number] {
	const [y, m, d] = date.split("-").map(Number);
	return [y, m - 1, d];
}

function isoFromLocal(date: string, hours: number, minutes: number, offsetMinutes: number): string {
	const utc = Date.UTC(...ymd(date), hours, minutes) - offsetMinutes * 60_000;
	return new Date(utc).toISOString().replace(".000Z", "Z");
}

/** One formatter per zone: building an Intl.DateTimeFormat costs ~60 µs, using one ~2 µs. */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = offsetFormatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "longOffset" });
		offsetFormatters.set(timeZone, formatter);
	}
	return formatter;
}

/** The offset of `timeZone` from UTC at `instant`, in minutes (Europe/London in July: 60). */
export function zoneOffsetMinutes(timeZone: string, instant: number): number {
	const parts = offsetFormatter(timeZone)
		.formatToParts(new Date(instant))
		.find(part => part.type === "timeZoneName")?.value;
	const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts ?? "");
	if (!match) return 0; // "GMT" alone: the zone is on UTC
	const sign = match[1] === "-" ? -1 : 1;
	return sign * (Number(match[2]) * 60 + Number(match[3]));
}
