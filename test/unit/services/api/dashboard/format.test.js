// @ts-check
/// <reference types="jest" />
// The dashboard's pure formatting (services/api/dashboard/public/format.js): scores as people
// write them, rounds, seasons and positions.
import {
	ageOn,
	badgeHue,
	currentRound,
	describeScore,
	ordinal,
	outcomeFor,
	positionOf,
	roundKey,
	roundLabel,
	roundsOf,
	scoreText,
	seasonLabel,
	stageName,
} from "../../../../../services/api/dashboard/public/format.js";

const ARG = { id: "argentina", name: "Argentina", tla: "ARG" };
const FRA = { id: "france", name: "France", tla: "FRA" };

/**
 * A v2 (football-data.org v4) match with what the tests vary.
 * @param {Partial<import("../../../../../services/api/dashboard/public/format.js").Match>} fields
 * @returns {import("../../../../../services/api/dashboard/public/format.js").Match}
 */
function match(fields) {
	return {
		id: "m",
		utcDate: "2022-12-18T15:00:00Z",
		status: "FINISHED",
		matchday: null,
		stage: "FINAL",
		group: null,
		competition: { code: "WC", name: "FIFA World Cup" },
		season: { year: 2022 },
		homeTeam: ARG,
		awayTeam: FRA,
		score: {
			winner: "HOME_TEAM",
			duration: "REGULAR",
			fullTime: { home: 1, away: 0 },
			halfTime: { home: 0, away: 0 },
		},
		...fields,
	};
}

/** The 2022 final as v2 answers it: fullTime includes the shoot-out (7–5). */
const FINAL_2022 = {
	winner: /** @type {const} */ ("HOME_TEAM"),
	duration: /** @type {const} */ ("PENALTY_SHOOTOUT"),
	fullTime: { home: 7, away: 5 },
	halfTime: { home: 2, away: 0 },
	regularTime: { home: 2, away: 2 },
	extraTime: { home: 1, away: 1 },
	penalties: { home: 4, away: 2 },
};

describe("describeScore", () => {
	test("when a match went to penalties, then the score after extra time and the shoot-out are written apart", () => {
		expect(describeScore(FINAL_2022)).toEqual({
			result: "3–3",
			extra: " (a.e.t.), 4–2 pens",
			halfTime: "HT 2–0",
		});
		expect(scoreText(FINAL_2022)).toBe("3–3 (a.e.t.), 4–2 pens");
	});

	test("when a match was won in extra time, then the score after 120 minutes is marked a.e.t.", () => {
		const score = {
			winner: /** @type {const} */ ("AWAY_TEAM"),
			duration: /** @type {const} */ ("EXTRA_TIME"),
			fullTime: { home: 1, away: 2 },
			halfTime: { home: 0, away: 1 },
			regularTime: { home: 1, away: 1 },
			extraTime: { home: 0, away: 1 },
		};
		expect(scoreText(score)).toBe("1–2 (a.e.t.)");
	});

	test("when a match ended after 90 minutes, then it is the full-time score; before kick-off there is none", () => {
		expect(
			describeScore({
				winner: "DRAW",
				duration: "REGULAR",
				fullTime: { home: 2, away: 2 },
				halfTime: { home: 1, away: 0 },
			}),
		).toEqual({ result: "2–2", extra: "", halfTime: "HT 1–0" });
		expect(
			describeScore({
				winner: null,
				duration: "REGULAR",
				fullTime: { home: null, away: null },
				halfTime: { home: null, away: null },
			}),
		).toEqual({ result: null, extra: "", halfTime: null });
	});
});

describe("outcomeFor", () => {
	test("a shoot-out is won by one side and lost by the other; a draw is a draw; no result yet is null", () => {
		const final = match({ score: FINAL_2022 });
		expect([outcomeFor(final, "argentina"), outcomeFor(final, "france")]).toEqual(["W", "L"]);
		expect(outcomeFor(match({ score: { ...FINAL_2022, winner: "DRAW" } }), "france")).toBe("D");
		expect(outcomeFor(match({ score: { ...FINAL_2022, winner: null } }), "france")).toBeNull();
	});
});

describe("rounds", () => {
	test("stages and groups read as people write them", () => {
		expect(
			["QUARTER_FINALS", "LAST_16", "GROUP_C", "REGULAR_SEASON", "SOMETHING_NEW"].map(
				stageName,
			),
		).toEqual(["Quarter-finals", "Round of 16", "Group C", "Regular season", "Something new"]);
	});

	test("a league's rounds are matchdays; a cup's are its stages, with the matchday where there is one", () => {
		const league = match({ stage: "REGULAR_SEASON", matchday: 12 });
		const group = match({ stage: "GROUP_STAGE", matchday: 3, group: "GROUP_C" });
		const final = match({ stage: "FINAL" });
		expect([roundKey(league), roundKey(group), roundKey(final)]).toEqual([
			"md-12",
			"group-stage-3",
			"final",
		]);
		expect([roundLabel(league), roundLabel(group), roundLabel(final)]).toEqual([
			"Matchday 12",
			"Group stage · Matchday 3",
			"Final",
		]);
	});

	test("rounds come in the order they were played, each round's matches by kick-off; the current round is the last with a result", () => {
		const matches = [
			match({
				id: "final",
				stage: "FINAL",
				utcDate: "2022-12-18T15:00:00Z",
				status: "SCHEDULED",
			}),
			match({
				id: "md1-late",
				stage: "GROUP_STAGE",
				matchday: 1,
				utcDate: "2022-11-20T19:00:00Z",
			}),
			match({ id: "semi", stage: "SEMI_FINALS", utcDate: "2022-12-13T19:00:00Z" }),
			match({
				id: "md1-early",
				stage: "GROUP_STAGE",
				matchday: 1,
				utcDate: "2022-11-20T16:00:00Z",
			}),
		];
		const rounds = roundsOf(matches);
		expect(rounds.map(round => [round.key, round.matches.map(m => m.id)])).toEqual([
			["group-stage-1", ["md1-early", "md1-late"]],
			["semi-finals", ["semi"]],
			["final", ["final"]],
		]);
		expect(currentRound(rounds).key).toBe("semi-finals");
		expect(currentRound(roundsOf([match({ status: "SCHEDULED" })])).key).toBe("final");
	});
});

describe("seasons, positions, ages and badges", () => {
	test("a season across two years reads 2024/25; within one year, 2022", () => {
		expect(seasonLabel("2024-08-16", "2025-05-25")).toBe("2024/25");
		expect(seasonLabel("2022-11-20", "2022-12-18")).toBe("2022");
	});

	test("ordinals, including the teens", () => {
		expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103, 111].map(ordinal)).toEqual([
			"1st",
			"2nd",
			"3rd",
			"4th",
			"11th",
			"12th",
			"13th",
			"21st",
			"22nd",
			"103rd",
			"111th",
		]);
	});

	test("a team's position is found in whichever table holds it, with its group in a cup", () => {
		const line = (/** @type {number} */ position, /** @type {string} */ id) => ({
			position,
			team: { id, name: id, tla: id.slice(0, 3).toUpperCase() },
			playedGames: 3,
			won: 0,
			draw: 0,
			lost: 0,
			points: 7 - position,
			goalsFor: 0,
			goalsAgainst: 0,
			goalDifference: 0,
			form: null,
		});
		const group = (/** @type {string} */ name, /** @type {string[]} */ ids) => ({
			competition: { code: "WC", name: "FIFA World Cup" },
			season: 2022,
			stage: "GROUP_STAGE",
			group: name,
			table: ids.map((id, i) => line(i + 1, id)),
		});
		const standings = [
			group("GROUP_A", ["netherlands", "senegal"]),
			group("GROUP_C", ["argentina", "poland", "mexico", "saudi-arabia"]),
		];
		expect(positionOf(standings, "argentina")).toBe(
			"1st in Group C of 4 · 6 pts after 3 matches",
		);
		expect(positionOf(standings, "wales")).toBeNull();
	});

	test("age in whole years, the birthday counting from its day", () => {
		expect(ageOn("1989-03-01", new Date("2026-02-28T12:00:00Z"))).toBe(36);
		expect(ageOn("1989-03-01", new Date("2026-03-01T12:00:00Z"))).toBe(37);
	});

	test("a badge's hue is the same for the same TLA, and a hue", () => {
		expect(badgeHue("ARG")).toBe(badgeHue("ARG"));
		expect(badgeHue("ARG")).not.toBe(badgeHue("FRA"));
		for (const tla of ["ARG", "FRA", "ZZZ", "?"])
			expect(badgeHue(tla)).toBeGreaterThanOrEqual(0);
		for (const tla of ["ARG", "FRA", "ZZZ", "?"]) expect(badgeHue(tla)).toBeLessThan(360);
	});
});
