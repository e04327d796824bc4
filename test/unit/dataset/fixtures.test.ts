import { doubleRoundRobin, fridayOnOrBefore, roundSlots } from "../../../dataset/fixtures";

describe("doubleRoundRobin", () => {
	test.each([18, 20, 24, 7])(
		"with %i teams, each meets each other twice, once at home, at most once a round",
		teams => {
			const names = Array.from({ length: teams }, (_, i) => `T${i}`);
			const rounds = doubleRoundRobin(names);
			expect(rounds).toHaveLength(2 * (teams % 2 === 0 ? teams - 1 : teams));
			const meetings = new Map<string, number>();
			for (const pairs of rounds) {
				const playing = pairs.flat();
				expect(new Set(playing).size).toBe(playing.length);
				for (const [home, away] of pairs)
					meetings.set(`${home}>${away}`, (meetings.get(`${home}>${away}`) ?? 0) + 1);
			}
			expect(meetings.size).toBe(teams * (teams - 1));
			expect(new Set(meetings.values())).toEqual(new Set([1]));
		},
	);

	test("venues mostly alternate: half the first-half matches at home, seldom two in a row at the same venue", () => {
		const rounds = doubleRoundRobin(Array.from({ length: 20 }, (_, i) => i)).slice(0, 19);
		for (let team = 0; team < 20; team++) {
			const atHome = rounds.map(pairs => pairs.some(([home]) => home === team));
			expect(atHome.filter(Boolean).length).toBeGreaterThanOrEqual(9);
			expect(atHome.filter(Boolean).length).toBeLessThanOrEqual(10);
			const repeats = atHome.filter((home, r) => r > 0 && home === atHome[r - 1]).length;
			expect(repeats).toBeLessThanOrEqual(2);
		}
	});
});

describe("roundSlots", () => {
	test("rounds spread over the weekends; more rounds than weekends go midweek", () => {
		const weekends = roundSlots("2025-08-15", 40, 38);
		expect(weekends.every(slot => !slot.midweek)).toBe(true);
		expect(weekends[0].day).toBe("2025-08-15");
		const crowded = roundSlots("2025-08-15", 40, 46);
		expect(crowded.filter(slot => slot.midweek)).toHaveLength(6);
		expect(
			crowded
				.filter(slot => slot.midweek)
				.every(slot => new Date(`${slot.day}T00:00:00Z`).getUTCDay() === 2),
		).toBe(true);
	});

	test("fridayOnOrBefore", () => {
		expect(
			["2024-08-16", "2024-08-17", "2024-08-18", "2024-08-22"].map(fridayOnOrBefore),
		).toEqual(["2024-08-16", "2024-08-16", "2024-08-16", "2024-08-16"]);
	});
});
