// football-data.org v4's answers read into master data (domain/football-data.ts), on the
// recorded answers the source tests serve, and v4's score as the inverse of toV4Match.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
	type FdCompetitionSeason,
	type FdMatch,
	normaliseFootballData,
	positionOf,
	scoreOf,
} from "../../../domain/football-data";
import { normaliseOpenFootball, readOpenFootballDir } from "../../../domain/openfootball";
import { toV4Match } from "../../../domain/v4-match";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "football-data", "competitions");
const DATA_DIR = join(__dirname, "..", "..", "..", "data", "openfootball");

const fixture = (...path: string[]) =>
	JSON.parse(readFileSync(join(FIXTURES, ...path), "utf8")) as never;

function recorded(code: string, season: number): FdCompetitionSeason {
	return {
		competition: fixture(`${code}.json`),
		teams: fixture(code, `teams-${season}.json`),
		matches: fixture(code, `matches-${season}.json`),
	};
}

describe("scoreOf, v4's score in the model's terms", () => {
	it("inverts toV4Match for every match of the bundled data", () => {
		const { matches } = normaliseOpenFootball(readOpenFootballDir(DATA_DIR));
		const durations = new Set<string>();
		for (const match of matches) {
			const v4 = toV4Match(match).score;
			expect({ id: match.id, score: scoreOf(v4) }).toEqual({
				id: match.id,
				score: match.score,
			});
			durations.add(match.score.duration);
		}
		// The bundled World Cups hold every kind of match: else this proves less than it says.
		expect([...durations].sort()).toEqual(["EXTRA_TIME", "PENALTY_SHOOTOUT", "REGULAR"]);
	});
});

describe("positionOf", () => {
	it.each([
		["Goalkeeper", "Goalkeeper"],
		["Defence", "Defender"],
		["Centre-Back", "Defender"],
		["Left-Back", "Defender"],
		["Midfield", "Midfielder"],
		["Defensive Midfield", "Midfielder"],
		["Attacking Midfield", "Midfielder"],
		["Offence", "Forward"],
		["Right Winger", "Forward"],
		["Centre-Forward", "Forward"],
		["Second Striker", "Forward"],
	])("%s is a %s", (given, expected) => {
		expect(positionOf(given)).toBe(expected);
	});

	it("names no position it cannot tell", () => {
		expect(positionOf(null)).toBeNull();
		expect(positionOf("Coach")).toBeNull();
	});
});

describe("normaliseFootballData on the recorded answers", () => {
	const data = normaliseFootballData([recorded("PL", 2024), recorded("WC", 2022)]);

	it("makes each competition with the seasons read, by its code", () => {
		expect(data.competitions).toEqual([
			{
				id: "PL",
				code: "PL",
				name: "Premier League",
				type: "LEAGUE",
				area: { name: "England", code: "ENG" },
				seasons: [{ id: "PL-2024", startDate: "2024-08-16", endDate: "2025-05-25" }],
			},
			{
				id: "WC",
				code: "WC",
				name: "FIFA World Cup",
				type: "CUP",
				area: { name: "World", code: "INT" },
				seasons: [{ id: "WC-2022", startDate: "2022-11-20", endDate: "2022-12-18" }],
			},
		]);
	});

	it("keys teams by football-data's ids, clubs and national teams apart", () => {
		const arsenal = data.teams.find(team => team.id === "fd-team-57");
		expect(arsenal).toEqual({
			id: "fd-team-57",
			name: "Arsenal FC",
			shortName: "Arsenal",
			tla: "ARS",
			type: "CLUB",
			area: { name: "England", code: "ENG" },
			competitions: [{ code: "PL", season: 2024 }],
		});
		expect(data.teams.find(team => team.id === "fd-team-762")?.type).toBe("NATIONAL");
		expect(data.teams).toHaveLength(8);
	});

	it("makes a player of each squad member with a position, in the model's four", () => {
		const saka = data.players.find(player => player.id === "fd-team-57-person-8004");
		expect(saka).toEqual({
			id: "fd-team-57-person-8004",
			name: "Bukayo Saka",
			position: "Forward",
			shirtNumber: null,
			dateOfBirth: "2001-09-05",
			nationality: "England",
			team: { id: "fd-team-57", name: "Arsenal FC", tla: "ARS" },
			club: { name: "Arsenal FC", country: "ENG" },
		});
		// The squad member with no position is left out, not guessed.
		expect(data.players.some(player => player.name === "Trial Player")).toBe(false);
		expect(data.players.find(player => player.name === "Lionel Messi")?.club).toBeNull();
		expect(data.players).toHaveLength(18);
	});

	it("reads the 2022 final back as the model keeps it: 2-2, 3-3 after extra time, 4-2 on penalties", () => {
		const final = data.matches.find(match => match.id === "fd-match-391881");
		expect(final?.score).toEqual({
			winner: "HOME_TEAM",
			duration: "PENALTY_SHOOTOUT",
			fullTime: { home: 2, away: 2 },
			halfTime: { home: 2, away: 0 },
			extraTime: { home: 3, away: 3 },
			penalties: { home: 4, away: 2 },
		});
		expect(final && toV4Match(final).score.fullTime).toEqual({ home: 7, away: 5 });
		expect(
			final?.goals.map(goal => [goal.minute, goal.scorer.name, goal.team.tla, goal.penalty]),
		).toEqual([
			[23, "Lionel Messi", "ARG", true],
			[36, "Ángel Di María", "ARG", false],
			[80, "Kylian Mbappé", "FRA", true],
			[81, "Kylian Mbappé", "FRA", false],
			[108, "Lionel Messi", "ARG", false],
			[118, "Kylian Mbappé", "FRA", true],
		]);
		expect(final?.utcDate).toBe("2022-12-18T15:00:00Z");
	});

	it("keeps v4's statuses, and the minute of a match in play", () => {
		const byId = new Map(data.matches.map(match => [match.id, match]));
		expect(byId.get("fd-match-497413")).toMatchObject({ status: "IN_PLAY", minute: 67 });
		expect(byId.get("fd-match-497414")?.status).toBe("TIMED");
		expect(byId.get("fd-match-497415")?.status).toBe("POSTPONED");
		expect(byId.get("fd-match-497411")).not.toHaveProperty("minute");
		expect(data.matches).toHaveLength(7);
	});

	it("leaves out a match whose teams are not known yet", () => {
		const season = recorded("WC", 2022);
		const tie: FdMatch = {
			...(season.matches.matches[0] as FdMatch),
			id: 1,
			homeTeam: { id: null, name: null },
		};
		season.matches.matches.push(tie);
		expect(normaliseFootballData([season]).matches.map(match => match.id)).not.toContain(
			"fd-match-1",
		);
	});

	it("gives the same data from the same answers", () => {
		expect(normaliseFootballData([recorded("PL", 2024), recorded("WC", 2022)])).toEqual(data);
	});
});
