import { matchStatus, normaliseGoals, normaliseScore, parseMinute } from "../../../domain/score";

const ARG = { id: "argentina", name: "Argentina", tla: "ARG" };
const FRA = { id: "france", name: "France", tla: "FRA" };

describe("normaliseScore", () => {
	test("when a match ends in regular time, then the full-time score decides", () => {
		expect(normaliseScore({ ht: [0, 1], ft: [2, 1] })).toEqual({
			winner: "HOME_TEAM",
			duration: "REGULAR",
			fullTime: { home: 2, away: 1 },
			halfTime: { home: 0, away: 1 },
			extraTime: { home: null, away: null },
			penalties: { home: null, away: null },
		});
		expect(normaliseScore({ ft: [1, 1] }).winner).toBe("DRAW");
		expect(normaliseScore({ ft: [0, 3] }).winner).toBe("AWAY_TEAM");
	});

	test("when a match goes to extra time, then the score after extra time decides", () => {
		const score = normaliseScore({ ht: [0, 0], ft: [1, 1], et: [1, 2] });
		expect(score.duration).toBe("EXTRA_TIME");
		expect(score.winner).toBe("AWAY_TEAM");
		expect(score.extraTime).toEqual({ home: 1, away: 2 });
	});

	test("when a match goes to penalties, then the shoot-out decides (the 2022 final)", () => {
		const score = normaliseScore({ p: [4, 2], et: [3, 3], ft: [2, 2], ht: [2, 0] });
		expect(score).toEqual({
			winner: "HOME_TEAM",
			duration: "PENALTY_SHOOTOUT",
			fullTime: { home: 2, away: 2 },
			halfTime: { home: 2, away: 0 },
			extraTime: { home: 3, away: 3 },
			penalties: { home: 4, away: 2 },
		});
	});

	test("when a shoot-out is recorded level (a data error), then the winner is unknown, not a draw", () => {
		expect(normaliseScore({ ft: [0, 1], et: [0, 1], p: [4, 4] }).winner).toBeNull();
	});

	test("when there is no score yet, then every line is empty and nobody has won", () => {
		for (const raw of [{}, undefined]) {
			const score = normaliseScore(raw);
			expect(score.winner).toBeNull();
			expect(score.duration).toBe("REGULAR");
			expect(score.fullTime).toEqual({ home: null, away: null });
			expect(score.halfTime).toEqual({ home: null, away: null });
		}
	});
});

describe("matchStatus", () => {
	test("a full-time score means finished; none means scheduled; the source's exceptions win", () => {
		expect(matchStatus({ ft: [1, 0] }, undefined)).toBe("FINISHED");
		expect(matchStatus({}, undefined)).toBe("SCHEDULED");
		expect(matchStatus({ ft: [0, 2] }, "awarded")).toBe("AWARDED");
		expect(matchStatus({}, "postponed")).toBe("POSTPONED");
	});
});

describe("parseMinute", () => {
	test("reads minutes given as numbers (2022) and as strings (2026)", () => {
		expect(parseMinute(23)).toEqual({ minute: 23, injuryTime: null });
		expect(parseMinute("67")).toEqual({ minute: 67, injuryTime: null });
	});

	test("reads added time written as 90+4, or as a separate offset", () => {
		expect(parseMinute("90+4")).toEqual({ minute: 90, injuryTime: 4 });
		expect(parseMinute("120+1")).toEqual({ minute: 120, injuryTime: 1 });
		expect(parseMinute(90, 9)).toEqual({ minute: 90, injuryTime: 9 });
		expect(parseMinute("45 + 2'")).toEqual({ minute: 45, injuryTime: 2 });
	});

	test("refuses what is not a minute", () => {
		expect(() => parseMinute("late")).toThrow('Unreadable goal minute "late"');
		expect(() => parseMinute(-3)).toThrow();
	});
});

describe("normaliseGoals", () => {
	test("merges both teams' goals in match order, with penalties and own goals marked", () => {
		const goals = normaliseGoals(
			[
				{ name: "Lionel Messi", minute: 108 },
				{ name: "Lionel Messi", minute: 23, penalty: true },
			],
			[
				{ name: "Kylian Mbappé", minute: "90+4" },
				{ name: "Someone", minute: "80", owngoal: true },
			],
			ARG,
			FRA,
		);
		expect(
			goals.map(g => [
				g.minute,
				g.injuryTime,
				g.scorer.name,
				g.team.id,
				g.penalty,
				g.ownGoal,
			]),
		).toEqual([
			[23, null, "Lionel Messi", "argentina", true, false],
			[80, null, "Someone", "france", false, true],
			[90, 4, "Kylian Mbappé", "france", false, false],
			[108, null, "Lionel Messi", "argentina", false, false],
		]);
	});

	test("gives no goals when the source lists none", () => {
		expect(normaliseGoals(undefined, undefined, ARG, FRA)).toEqual([]);
	});
});
