// League tables: the real 2024/25 Premier League and 2022 World Cup groups from the bundled
// data, checked against the real final tables and against counts made here from the raw files;
// then each rule on small made-up matches.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Match, TeamRef } from "../../../domain/model";
import { normaliseOpenFootball, readOpenFootballDir } from "../../../domain/openfootball";
import {
	computeStandings,
	computeTable,
	standingOf,
	type TableMatch,
	tableKeyOf,
} from "../../../domain/standings";

const DATA_DIR = join(__dirname, "..", "..", "..", "data", "openfootball");

interface RawMatch {
	date: string;
	team1: string;
	team2: string;
	score: { ft?: [number, number] };
}

function rawMatches(path: string): RawMatch[] {
	return (JSON.parse(readFileSync(join(DATA_DIR, path), "utf8")) as { matches: RawMatch[] })
		.matches;
}

interface Count {
	played: number;
	won: number;
	draw: number;
	lost: number;
	goalsFor: number;
	goalsAgainst: number;
	/** Oldest first. */
	results: string[];
}

/** Counts the raw file's results team by team, the plain way, to hold the computed table against. */
function countRaw(matches: RawMatch[]): Map<string, Count> {
	const counts = new Map<string, Count>();
	const sorted = [...matches].sort((a, b) => a.date.localeCompare(b.date));
	for (const match of sorted) {
		if (!match.score.ft) continue;
		const sides: Array<[string, number, number]> = [
			[match.team1, match.score.ft[0], match.score.ft[1]],
			[match.team2, match.score.ft[1], match.score.ft[0]],
		];
		for (const [team, scored, conceded] of sides) {
			const count = counts.get(team) ?? {
				played: 0,
				won: 0,
				draw: 0,
				lost: 0,
				goalsFor: 0,
				goalsAgainst: 0,
				results: [],
			};
			count.played += 1;
			count.goalsFor += scored;
			count.goalsAgainst += conceded;
			if (scored > conceded) {
				count.won += 1;
				count.results.push("W");
			} else if (scored === conceded) {
				count.draw += 1;
				count.results.push("D");
			} else {
				count.lost += 1;
				count.results.push("L");
			}
			counts.set(team, count);
		}
	}
	return counts;
}

describe("real tables from the bundled data", () => {
	const data = normaliseOpenFootball(readOpenFootballDir(DATA_DIR));
	const standings = computeStandings(data.matches);

	test("the 2024/25 Premier League: Liverpool champions on 84 points, every position as the real final table", () => {
		// The real final table of 2024/25 (points and goal difference), written out by hand.
		const real: Array<[string, number, number]> = [
			["Liverpool FC", 84, 45],
			["Arsenal FC", 74, 35],
			["Manchester City FC", 71, 28],
			["Chelsea FC", 69, 21],
			["Newcastle United FC", 66, 21],
			["Aston Villa FC", 66, 7],
			["Nottingham Forest FC", 65, 12],
			["Brighton & Hove Albion FC", 61, 7],
			["AFC Bournemouth", 56, 12],
			["Brentford FC", 56, 9],
			["Fulham FC", 54, 0],
			["Crystal Palace FC", 53, 0],
			["Everton FC", 48, -2],
			["West Ham United FC", 43, -16],
			["Manchester United FC", 42, -10],
			["Wolverhampton Wanderers FC", 42, -15],
			["Tottenham Hotspur FC", 38, -1],
			["Leicester City FC", 25, -47],
			["Ipswich Town FC", 22, -46],
			["Southampton FC", 12, -60],
		];
		const pl = standings.get("PL:2024:REGULAR_SEASON")!;
		expect(pl).toMatchObject({
			competition: { code: "PL", name: "Premier League" },
			season: 2024,
			stage: "REGULAR_SEASON",
			group: null,
		});
		expect(pl.table[0]).toMatchObject({
			position: 1,
			team: { id: "liverpool-fc", name: "Liverpool FC", tla: "LIV" },
			points: 84,
		});
		expect(pl.table.map(row => [row.team.name, row.points, row.goalDifference])).toEqual(real);
		expect(pl.table.map(row => row.position)).toEqual(real.map((_, i) => i + 1));
	});

	test("the 2024/25 Premier League: every number agrees with a plain count of the source file", () => {
		const counts = countRaw(rawMatches("football/2024-25/en.1.json"));
		const pl = standings.get("PL:2024:REGULAR_SEASON")!;
		expect(pl.table).toHaveLength(counts.size);
		for (const row of pl.table) {
			const count = counts.get(row.team.name)!;
			expect(row).toEqual({
				position: row.position,
				team: row.team,
				playedGames: count.played,
				form: count.results.slice(-5).reverse().join(","),
				won: count.won,
				draw: count.draw,
				lost: count.lost,
				points: 3 * count.won + count.draw,
				goalsFor: count.goalsFor,
				goalsAgainst: count.goalsAgainst,
				goalDifference: count.goalsFor - count.goalsAgainst,
			});
		}
		// The last five: Spurs 5-1 (the title), Chelsea 3-1, Arsenal 2-2, Brighton 3-2, Palace 1-1; most recent first.
		expect(pl.table[0].form).toBe("D,L,D,L,W");
	});

	test("the 2022 World Cup: one table per group, the real order in each, knockouts in none", () => {
		const real: Record<string, Array<[string, number]>> = {
			GROUP_A: [
				["Netherlands", 7],
				["Senegal", 6],
				["Ecuador", 4],
				["Qatar", 0],
			],
			GROUP_B: [
				["England", 7],
				["USA", 5],
				["Iran", 3],
				["Wales", 1],
			],
			GROUP_C: [
				["Argentina", 6],
				["Poland", 4],
				["Mexico", 4],
				["Saudi Arabia", 3],
			],
			GROUP_D: [
				["France", 6],
				["Australia", 6],
				["Tunisia", 4],
				["Denmark", 1],
			],
			GROUP_E: [
				["Japan", 6],
				["Spain", 4],
				["Germany", 4],
				["Costa Rica", 3],
			],
			GROUP_F: [
				["Morocco", 7],
				["Croatia", 5],
				["Belgium", 4],
				["Canada", 0],
			],
			GROUP_G: [
				["Brazil", 6],
				["Switzerland", 6],
				["Cameroon", 4],
				["Serbia", 1],
			],
			GROUP_H: [
				["Portugal", 6],
				["South Korea", 4],
				["Uruguay", 4],
				["Ghana", 3],
			],
		};
		const wc = [...standings.entries()].filter(([key]) => key.startsWith("WC:2022:"));
		expect(wc.map(([key]) => key).sort()).toEqual(
			Object.keys(real).map(group => `WC:2022:GROUP_STAGE:${group}`),
		);
		for (const [, standing] of wc) {
			expect(standing.stage).toBe("GROUP_STAGE");
			expect({
				group: standing.group,
				table: standing.table.map(row => [row.team.name, row.points]),
			}).toEqual({ group: standing.group, table: real[standing.group!] });
			expect(standing.table.every(row => row.playedGames === 3)).toBe(true);
		}
		// Group H: South Korea and Uruguay both on 4 points and level on goal difference; Korea scored more.
		const groupH = standings.get("WC:2022:GROUP_STAGE:GROUP_H")!.table;
		expect(
			groupH.slice(1, 3).map(row => [row.team.name, row.goalDifference, row.goalsFor]),
		).toEqual([
			["South Korea", 0, 4],
			["Uruguay", 0, 2],
		]);
	});

	test("an awarded match counts with its awarded score: every 2024/25 Bundesliga team played 34", () => {
		const bl1 = standings.get("BL1:2024:REGULAR_SEASON")!;
		expect(bl1.table).toHaveLength(18);
		expect(new Set(bl1.table.map(row => row.playedGames))).toEqual(new Set([34]));
	});
});

const A: TeamRef = { id: "a", name: "Alpha", tla: "ALP" };
const B: TeamRef = { id: "b", name: "Bravo", tla: "BRA" };
const C: TeamRef = { id: "c", name: "Charlie", tla: "CHA" };
const D: TeamRef = { id: "d", name: "Delta", tla: "DEL" };

let day = 0;

/** A league match with a full-time score (null: not played yet), one day after the previous one. */
function match(
	home: TeamRef,
	away: TeamRef,
	score: [number, number] | null,
	extra: Partial<Match> = {},
): TableMatch {
	day += 1;
	return {
		id: `m-${day}`,
		competition: { code: "XL", name: "Example League" },
		season: 2024,
		stage: "REGULAR_SEASON",
		group: null,
		status: score ? "FINISHED" : "SCHEDULED",
		utcDate: new Date(Date.UTC(2024, 7, 1 + day)).toISOString(),
		homeTeam: home,
		awayTeam: away,
		score: { fullTime: { home: score?.[0] ?? null, away: score?.[1] ?? null } },
		...extra,
	};
}

const names = (matches: TableMatch[]) => computeTable(matches).map(row => row.team.name);

describe("the rules", () => {
	test("3 points for a win, 1 for a draw; goals and difference from the full-time score", () => {
		const [alpha, bravo] = computeTable([match(A, B, [2, 0]), match(B, A, [1, 1])]);
		expect(alpha).toEqual({
			position: 1,
			team: A,
			playedGames: 2,
			form: "D,W",
			won: 1,
			draw: 1,
			lost: 0,
			points: 4,
			goalsFor: 3,
			goalsAgainst: 1,
			goalDifference: 2,
		});
		expect(bravo).toMatchObject({
			position: 2,
			playedGames: 2,
			won: 0,
			draw: 1,
			lost: 1,
			points: 1,
			goalsFor: 1,
			goalsAgainst: 3,
			goalDifference: -2,
		});
	});

	test("ties are broken by goal difference, then goals scored, then team name", () => {
		// Points: C beats D 3-0 and A beats D 1-0, each on 3; C's difference is better.
		expect(names([match(A, D, [1, 0]), match(C, D, [3, 0])])).toEqual([
			"Charlie",
			"Alpha",
			"Delta",
		]);
		// Same points and difference (+1 each); C scored more.
		expect(names([match(A, D, [1, 0]), match(C, D, [3, 2])])).toEqual([
			"Charlie",
			"Alpha",
			"Delta",
		]);
		// Level on everything: alphabetical, and still one position each.
		const level = computeTable([match(C, D, [1, 1]), match(B, A, [1, 1])]);
		expect(level.map(row => [row.position, row.team.name])).toEqual([
			[1, "Alpha"],
			[2, "Bravo"],
			[3, "Charlie"],
			[4, "Delta"],
		]);
	});

	test("form is the last five results, most recent first, by kick-off whatever the input order", () => {
		const season = [
			match(A, B, [1, 0]),
			match(A, B, [0, 0]),
			match(A, B, [0, 1]),
			match(A, B, [2, 0]),
			match(A, B, [3, 3]),
			match(A, B, [0, 4]),
		];
		const [alpha] = computeTable([...season].reverse()).filter(row => row.team.id === "a");
		expect(alpha.form).toBe("L,D,W,L,D");
		expect(alpha.playedGames).toBe(6);
	});

	test("only results count: scheduled and postponed matches list their teams with nothing played", () => {
		const table = computeTable([
			match(A, B, [1, 0]),
			match(C, D, null),
			match(A, C, null, { status: "POSTPONED" }),
			match(B, D, [5, 0], { status: "SCHEDULED" }), // a score on a match not played is not a result
		]);
		expect(table.map(row => [row.team.name, row.playedGames, row.points, row.form])).toEqual([
			["Alpha", 1, 3, "W"],
			["Charlie", 0, 0, null],
			["Delta", 0, 0, null],
			["Bravo", 1, 0, "L"],
		]);
	});

	test("an awarded match counts with the awarded score", () => {
		const table = computeTable([match(A, B, [0, 2], { status: "AWARDED" })]);
		expect(table.map(row => [row.team.name, row.points, row.goalsFor])).toEqual([
			["Bravo", 3, 2],
			["Alpha", 0, 0],
		]);
	});

	test("a team is shown as its latest match names it", () => {
		const renamed = { ...A, name: "Alpha United" };
		expect(
			computeTable([match(A, B, [1, 0]), match(renamed, B, [1, 0])].reverse())[0].team,
		).toEqual(renamed);
	});

	test("tables: one per league season and per group; knockout rounds and play-offs have none", () => {
		expect(tableKeyOf(match(A, B, null))).toBe("XL:2024:REGULAR_SEASON");
		expect(
			tableKeyOf(
				match(A, B, null, {
					competition: { code: "WC", name: "World Cup" },
					stage: "GROUP_STAGE",
					group: "GROUP_C",
				}),
			),
		).toBe("WC:2024:GROUP_STAGE:GROUP_C");
		expect(tableKeyOf(match(A, B, null, { stage: "LEAGUE_STAGE" }))).toBe(
			"XL:2024:LEAGUE_STAGE",
		);
		for (const stage of ["FINAL", "LAST_16", "PLAYOFFS", "THIRD_PLACE"])
			expect(tableKeyOf(match(A, B, null, { stage }))).toBeNull();
		const cup = { competition: { code: "WC", name: "World Cup" }, stage: "GROUP_STAGE" };
		const standings = computeStandings([
			match(A, B, [1, 0], { ...cup, group: "GROUP_A" }),
			match(C, D, [2, 0], { ...cup, group: "GROUP_B" }),
			match(A, C, [0, 1], { ...cup, stage: "FINAL" }),
		]);
		expect([...standings.keys()]).toEqual([
			"WC:2024:GROUP_STAGE:GROUP_A",
			"WC:2024:GROUP_STAGE:GROUP_B",
		]);
		expect(standings.get("WC:2024:GROUP_STAGE:GROUP_B")).toMatchObject({
			group: "GROUP_B",
			table: [
				{ team: C, points: 3 },
				{ team: D, points: 0 },
			],
		});
	});

	test("a match that moves to another group leaves one table and joins the other", () => {
		const cup = { competition: { code: "WC", name: "World Cup" }, stage: "GROUP_STAGE" };
		const moving = match(C, D, [2, 0], { ...cup, group: "GROUP_A" });
		const before = computeStandings([
			match(A, B, [1, 0], { ...cup, group: "GROUP_A" }),
			moving,
		]);
		expect(before.get("WC:2024:GROUP_STAGE:GROUP_A")!.table.map(row => row.team.id)).toEqual([
			"c",
			"a",
			"b",
			"d",
		]);
		const after = computeStandings([
			match(A, B, [1, 0], { ...cup, group: "GROUP_A" }),
			{ ...moving, group: "GROUP_B" },
		]);
		expect(after.get("WC:2024:GROUP_STAGE:GROUP_A")!.table.map(row => row.team.id)).toEqual([
			"a",
			"b",
		]);
		expect(after.get("WC:2024:GROUP_STAGE:GROUP_B")!.table.map(row => row.team.id)).toEqual([
			"c",
			"d",
		]);
	});

	test("a table without matches has no standing", () => {
		expect(standingOf([])).toBeNull();
	});
});
