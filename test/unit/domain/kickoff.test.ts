import { kickoffToUtc, zoneOffsetMinutes } from "../../../domain/kickoff";

describe("kickoffToUtc", () => {
	test("when the time carries an explicit UTC offset, then it is applied", () => {
		expect(kickoffToUtc("2026-06-11", "13:00 UTC-6", "Europe/London")).toBe(
			"2026-06-11T19:00:00Z",
		);
		expect(kickoffToUtc("2026-06-29", "16:30 UTC-4", "Europe/London")).toBe(
			"2026-06-29T20:30:00Z",
		);
	});

	test("when a negative offset pushes past midnight, then the UTC date moves to the next day", () => {
		expect(kickoffToUtc("2026-06-12", "21:00 UTC-7", "Europe/London")).toBe(
			"2026-06-13T04:00:00Z",
		);
	});

	test("when the time is local, then the competition's zone is used with its summer time", () => {
		// Europe/London is UTC+1 in August and UTC+0 in January.
		expect(kickoffToUtc("2024-08-16", "20:00", "Europe/London")).toBe("2024-08-16T19:00:00Z");
		expect(kickoffToUtc("2025-01-04", "15:00", "Europe/London")).toBe("2025-01-04T15:00:00Z");
		expect(kickoffToUtc("2024-10-26", "15:30", "Europe/Berlin")).toBe("2024-10-26T13:30:00Z");
		expect(kickoffToUtc("2024-10-27", "15:30", "Europe/Berlin")).toBe("2024-10-27T14:30:00Z");
		expect(kickoffToUtc("2022-12-18", "18:00", "Asia/Qatar")).toBe("2022-12-18T15:00:00Z");
	});

	test("when no time is known yet, then midnight UTC of the date stands in", () => {
		expect(kickoffToUtc("2026-03-21", undefined, "Europe/London")).toBe("2026-03-21T00:00:00Z");
		expect(kickoffToUtc("2026-03-21", null, "Europe/London")).toBe("2026-03-21T00:00:00Z");
	});

	test("when the date or time cannot be read, then it says which", () => {
		expect(() => kickoffToUtc("21/03/2026", "15:00", "Europe/London")).toThrow(
			'Unreadable match date "21/03/2026"',
		);
		expect(() => kickoffToUtc("2026-03-21", "3pm", "Europe/London")).toThrow(
			'Unreadable kick-off time "3pm"',
		);
	});
});

describe("zoneOffsetMinutes", () => {
	test("gives the offset of a zone at an instant", () => {
		expect(zoneOffsetMinutes("UTC", Date.UTC(2024, 6, 1))).toBe(0);
		expect(zoneOffsetMinutes("Europe/Paris", Date.UTC(2024, 6, 1))).toBe(120);
		expect(zoneOffsetMinutes("America/Mexico_City", Date.UTC(2026, 5, 11))).toBe(-360);
	});
});
