// The football API a client of football-data.org expects, on the bundled data, through HTTP:
// one embedded node (memory store), and every answer checked against the raw files read here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../tools/servers";
import { eventually, getJson, type NodeProcess, startEmbedded } from "../support/cluster";

jest.setTimeout(120_000);

interface RawGoal {
	name: string;
	minute: number;
	penalty?: boolean;
	owngoal?: boolean;
}
interface RawMatch {
	date: string;
	team1: string;
	team2: string;
	score?: { ft?: [number, number]; et?: [number, number]; p?: [number, number] };
	goals1?: RawGoal[];
	goals2?: RawGoal[];
}

interface ScorerRow {
	player: { id: string | null; name: string; otherNames: string[] };
	team: { id: string; name: string };
	goals: number;
	penalties: number;
	playedMatches: number;
}
interface ScorersPage {
	rows: ScorerRow[];
	total: number;
	totalPages: number;
	seasons: number[];
	seasonsWithoutScorers: number[];
	competition: { code: string; name: string } | null;
}

let node: NodeProcess;
let baseUrl: string;

beforeAll(async () => {
	const embedded = await startEmbedded("football-api");
	node = embedded.node;
	baseUrl = `http://127.0.0.1:${embedded.port}/api`;
});

afterAll(() => node?.stop());

function rawMatches(path: string): RawMatch[] {
	const file = join(REPO_ROOT, "data", "openfootball", path);
	return (JSON.parse(readFileSync(file, "utf8")) as { matches: RawMatch[] }).matches;
}

/** A name without case or accents: the files spell "Julián Álvarez" and "Julián Alvarez". */
const plain = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The tally written out plainly from one file: goals per team and name, own goals left out,
 * and a one-word name merged into the one longer name of that team ending with that word.
 */
function expectedScorers(
	matches: RawMatch[],
): Map<string, { goals: number; penalties: number; names: Set<string> }> {
	const byTeamAndName = new Map<string, { goals: number; penalties: number }>();
	for (const match of matches) {
		for (const [team, goals] of [
			[match.team1, match.goals1 ?? []],
			[match.team2, match.goals2 ?? []],
		] as const) {
			for (const goal of goals) {
				if (goal.owngoal) continue;
				const key = `${team}|${plain(goal.name)}`;
				const entry = byTeamAndName.get(key) ?? { goals: 0, penalties: 0 };
				entry.goals++;
				if (goal.penalty) entry.penalties++;
				byTeamAndName.set(key, entry);
			}
		}
	}
	const merged = new Map<string, { goals: number; penalties: number; names: Set<string> }>();
	const keys = [...byTeamAndName.keys()];
	for (const [key, tally] of byTeamAndName) {
		const [team, name] = key.split("|");
		const longer = name.includes(" ")
			? []
			: keys.filter(other => other.startsWith(`${team}|`) && other.endsWith(` ${name}`));
		const into = longer.length === 1 ? longer[0] : key;
		const entry = merged.get(into) ?? { goals: 0, penalties: 0, names: new Set<string>() };
		entry.goals += tally.goals;
		entry.penalties += tally.penalties;
		entry.names.add(name);
		merged.set(into, entry);
	}
	return merged;
}

async function allScorers(query: string): Promise<{ first: ScorersPage; rows: ScorerRow[] }> {
	const first = await eventually(
		async () => {
			const reply = await getJson<ScorersPage>(`${baseUrl}/v1/scorers?${query}&pageSize=100`);
			return reply.status === 200 && reply.body.total > 0 ? reply.body : undefined;
		},
		60_000,
		`scorers for ${query}`,
	);
	const rows = [...first.rows];
	for (let page = 2; page <= first.totalPages; page++) {
		const reply = await getJson<ScorersPage>(
			`${baseUrl}/v1/scorers?${query}&pageSize=100&page=${page}`,
		);
		rows.push(...reply.body.rows);
	}
	return { first, rows };
}

test("the 2022 World Cup's scorers are the real record: Mbappé 8, Messi 7 with 4 penalties, and the rest as the file counts", async () => {
	const { first, rows } = await allScorers("competition=WC&season=2022");
	expect(first.competition).toEqual({ code: "WC", name: expect.stringContaining("World Cup") });
	expect(first.seasons).toEqual([2022]);
	const [top, second] = rows;
	expect(top).toMatchObject({
		player: { name: "Kylian Mbappé", otherNames: ["Mbappé"] },
		team: { name: "France" },
		goals: 8,
		penalties: 2,
	});
	expect(second).toMatchObject({ player: { name: "Lionel Messi" }, goals: 7, penalties: 4 });
	expect(second.player.id).toBe("argentina-lionel-messi");

	const expected = expectedScorers(rawMatches("worldcup/2022/worldcup.json"));
	expect(rows).toHaveLength(expected.size);
	for (const [key, tally] of expected) {
		const [team] = key.split("|");
		const row = rows.find(
			r =>
				r.team.name === team &&
				[r.player.name, ...r.player.otherNames].some(name => tally.names.has(plain(name))),
		);
		expect({ key, goals: row?.goals, penalties: row?.penalties }).toEqual({
			key,
			goals: tally.goals,
			penalties: tally.penalties,
		});
	}
	// Ranked: goals, then fewer penalties.
	for (let i = 1; i < rows.length; i++) {
		const [a, b] = [rows[i - 1], rows[i]];
		expect(a.goals > b.goals || (a.goals === b.goals && a.penalties <= b.penalties)).toBe(true);
	}
});

test("without a season, the list runs over every season that records scorers, and says which it counted", async () => {
	const { first, rows } = await allScorers("competition=WC");
	expect(first.seasons).toEqual([2022, 2026]);
	const perSeason = await Promise.all(
		[2022, 2026].map(season => allScorers(`competition=WC&season=${season}`)),
	);
	const goalsOf = (list: ScorerRow[], id: string) =>
		list.find(row => row.player.id === id)?.goals ?? 0;
	const mbappe = "france-kylian-mbappe";
	expect(goalsOf(rows, mbappe)).toBe(
		goalsOf(perSeason[0].rows, mbappe) + goalsOf(perSeason[1].rows, mbappe),
	);
	const total = (list: ScorerRow[]) => list.reduce((sum, row) => sum + row.goals, 0);
	expect(total(rows)).toBe(total(perSeason[0].rows) + total(perSeason[1].rows));
});

test("a league whose files record no scorers says so, and a scorers list needs its competition", async () => {
	const league = await getJson<ScorersPage>(`${baseUrl}/v1/scorers?competition=PL`);
	expect(league.status).toBe(200);
	expect(league.body).toMatchObject({
		rows: [],
		seasons: [],
		seasonsWithoutScorers: [2024, 2025],
	});

	type ErrorBody = { error: { message: string } };
	const missing = await getJson<ErrorBody>(`${baseUrl}/v1/scorers?season=2022`);
	expect(missing.status).toBe(422);
	expect(missing.body.error.message).toMatch(/competition/);
	const badSeason = await getJson<ErrorBody>(
		`${baseUrl}/v1/scorers?competition=WC&season=twenty`,
	);
	expect(badSeason.status).toBe(422);
	expect(badSeason.body.error.message).toMatch(/season/);
});

describe("one match by its id, in v4's shape", () => {
	interface V4Match {
		id: string;
		homeTeam: { name: string };
		awayTeam: { name: string };
		score: Record<string, { home: number | null; away: number | null } | string>;
		goals: Array<{
			minute: number;
			scorer: { name: string };
			team: { name: string };
			penalty: boolean;
			ownGoal: boolean;
		}>;
	}
	const FINAL = "wc-2022-final-argentina-france";

	test("the 2022 final: 3–3 after extra time, 4–2 on penalties, and its six goals as the file has them", async () => {
		const final = await eventually(
			async () => {
				const reply = await getJson<V4Match>(`${baseUrl}/v2/matches/${FINAL}`);
				return reply.status === 200 ? reply.body : undefined;
			},
			60_000,
			"the final",
		);
		expect(final).toMatchObject({
			id: FINAL,
			homeTeam: { name: "Argentina" },
			awayTeam: { name: "France" },
			score: {
				duration: "PENALTY_SHOOTOUT",
				winner: "HOME_TEAM",
				halfTime: { home: 2, away: 0 },
				regularTime: { home: 2, away: 2 },
				extraTime: { home: 1, away: 1 },
				penalties: { home: 4, away: 2 },
			},
		});
		const raw = rawMatches("worldcup/2022/worldcup.json").find(
			match => match.team1 === "Argentina" && match.team2 === "France",
		)!;
		const fromFile = [
			...(raw.goals1 ?? []).map(goal => ({ ...goal, team: raw.team1 })),
			...(raw.goals2 ?? []).map(goal => ({ ...goal, team: raw.team2 })),
		]
			.map(goal => `${goal.minute}' ${goal.name} (${goal.team})${goal.penalty ? " pen" : ""}`)
			.sort();
		const served = final.goals
			.map(
				goal =>
					`${goal.minute}' ${goal.scorer.name} (${goal.team.name})${goal.penalty ? " pen" : ""}`,
			)
			.sort();
		expect(fromFile).toHaveLength(6);
		expect(served).toEqual(fromFile);
	});

	test("an unknown id is a 404 in the API's error shape, and a malformed one a 422", async () => {
		const unknown = await getJson<{ error: { status: number; type: string; message: string } }>(
			`${baseUrl}/v2/matches/wc-2022-final-argentina-brazil`,
		);
		expect(unknown.status).toBe(404);
		expect(unknown.body.error).toMatchObject({ status: 404, type: "MATCH_NOT_FOUND" });
		expect(unknown.body.error.message).toContain("wc-2022-final-argentina-brazil");
		const malformed = await getJson<{ error: { message: string } }>(
			`${baseUrl}/v2/matches/NOT%20AN%20ID`,
		);
		expect(malformed.status).toBe(422);
		expect(malformed.body.error.message).toMatch(/id/);
	});
});

describe("head-to-head", () => {
	interface Record {
		name: string;
		wins: number;
		draws: number;
		losses: number;
		goals: number;
	}
	interface Head2Head {
		resultSet: { count: number };
		aggregates: {
			numberOfMatches: number;
			totalGoals: number;
			homeTeam: Record;
			awayTeam: Record;
		};
		matches: Array<{ id: string; utcDate: string }>;
	}

	/** Every match of every bundled file, read plainly. */
	function everyRawMatch(): RawMatch[] {
		const root = join(REPO_ROOT, "data", "openfootball");
		const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
			path => path.endsWith(".json") && !/squads|teams|groups/.test(path),
		);
		return files.flatMap(path => rawMatches(path));
	}

	/** The meetings of two teams (by their names in the files), counted here: in-play goals, the shoot-out decides. */
	function countedMeetings(
		a: string,
		b: string,
	): { matches: number; goals: number; records: Map<string, Record> } {
		const records = new Map(
			[a, b].map(name => [name, { name, wins: 0, draws: 0, losses: 0, goals: 0 }]),
		);
		let matches = 0;
		let goals = 0;
		for (const match of everyRawMatch()) {
			if (!match.score?.ft || new Set([match.team1, match.team2, a, b]).size !== 2) continue;
			if (match.team1 === match.team2) continue;
			matches++;
			const inPlay = match.score.et ?? match.score.ft;
			const decider = match.score.p ?? inPlay;
			[match.team1, match.team2].forEach((team, side) => {
				const record = records.get(team)!;
				record.goals += inPlay[side];
				goals += inPlay[side];
				const [mine, theirs] = side === 0 ? decider : [decider[1], decider[0]];
				if (mine > theirs) record.wins++;
				else if (mine < theirs) record.losses++;
				else record.draws++;
			});
		}
		return { matches, goals, records };
	}

	async function head2head(url: string): Promise<Head2Head> {
		return eventually(
			async () => {
				const reply = await getJson<Head2Head>(url);
				return reply.status === 200 ? reply.body : undefined;
			},
			60_000,
			url,
		);
	}

	test.each([
		["argentina,france", "Argentina", "France"],
		["liverpool-fc,manchester-city-fc", "Liverpool FC", "Manchester City FC"],
	])(
		"any two teams (%s): the meetings and their aggregates, as the files count them",
		async (teams, a, b) => {
			const answer = await head2head(`${baseUrl}/v1/head2head?teams=${teams}`);
			const counted = countedMeetings(a, b);
			expect(counted.matches).toBeGreaterThan(0);
			expect(answer.aggregates).toEqual({
				numberOfMatches: counted.matches,
				totalGoals: counted.goals,
				homeTeam: { id: teams.split(",")[0], ...counted.records.get(a) },
				awayTeam: { id: teams.split(",")[1], ...counted.records.get(b) },
			});
			expect(answer.resultSet.count).toBe(counted.matches);
			const days = answer.matches.map(match => match.utcDate);
			expect(days).toEqual([...days].sort().reverse());
		},
	);

	test("a match's head-to-head counts its teams' meetings up to it, and agrees with the teams' route", async () => {
		const final = "wc-2022-final-argentina-france";
		const ofMatch = await head2head(`${baseUrl}/v2/matches/${final}/head2head`);
		const ofTeams = await head2head(`${baseUrl}/v1/head2head?teams=argentina,france`);
		expect(ofMatch.matches.map(match => match.id)).toContain(final);
		expect(ofMatch.aggregates).toEqual(ofTeams.aggregates);
		// The shoot-out's winner wins the meeting; its kicks are not goals.
		expect(ofMatch.aggregates.homeTeam).toMatchObject({ wins: 1, losses: 0, goals: 3 });
	});

	test("an unknown team or match is a 404, the same team twice a 422", async () => {
		const unknownTeam = await getJson<{ error: { type: string } }>(
			`${baseUrl}/v1/head2head?teams=argentina,atlantis`,
		);
		expect(unknownTeam.status).toBe(404);
		expect(unknownTeam.body.error.type).toBe("TEAM_NOT_FOUND");
		const unknownMatch = await getJson<{ error: { type: string } }>(
			`${baseUrl}/v2/matches/no-such-match/head2head`,
		);
		expect(unknownMatch.status).toBe(404);
		expect(unknownMatch.body.error.type).toBe("MATCH_NOT_FOUND");
		const same = await getJson<{ error: { message: string } }>(
			`${baseUrl}/v1/head2head?teams=france,france`,
		);
		expect(same.status).toBe(422);
		expect(same.body.error.message).toMatch(/differ/);
	});
});

describe("tables people ask for", () => {
	interface Row {
		position: number;
		team: { name: string };
		playedGames: number;
		won: number;
		draw: number;
		lost: number;
		points: number;
		goalsFor: number;
		goalsAgainst: number;
	}
	interface StandingsPage {
		rows: Array<{ type: string; table: Row[] }>;
	}
	type RoundMatch = RawMatch & { round: string };

	/** The 2024/25 Premier League table written out here from the raw file: home, away or total, up to a matchday. */
	function plainTable(
		venue: "TOTAL" | "HOME" | "AWAY",
		upToMatchday = 38,
	): Omit<Row, "position">[] {
		const rows = new Map<string, Omit<Row, "position">>();
		const row = (name: string) =>
			rows.get(name) ??
			rows
				.set(name, {
					team: { name },
					playedGames: 0,
					won: 0,
					draw: 0,
					lost: 0,
					points: 0,
					goalsFor: 0,
					goalsAgainst: 0,
				})
				.get(name)!;
		const count = (name: string, scored: number, conceded: number) => {
			const r = row(name);
			r.playedGames++;
			r.goalsFor += scored;
			r.goalsAgainst += conceded;
			if (scored > conceded) r.won++;
			else if (scored === conceded) r.draw++;
			else r.lost++;
			r.points = r.won * 3 + r.draw;
		};
		for (const match of rawMatches("football/2024-25/en.1.json") as RoundMatch[]) {
			row(match.team1);
			row(match.team2);
			const ft = match.score?.ft;
			if (!ft || Number(match.round.replace("Matchday ", "")) > upToMatchday) continue;
			if (venue !== "AWAY") count(match.team1, ft[0], ft[1]);
			if (venue !== "HOME") count(match.team2, ft[1], ft[0]);
		}
		return [...rows.values()].sort(
			(a, b) =>
				b.points - a.points ||
				b.goalsFor - b.goalsAgainst - (a.goalsFor - a.goalsAgainst) ||
				b.goalsFor - a.goalsFor ||
				a.team.name.localeCompare(b.team.name, "en"),
		);
	}

	async function table(query: string): Promise<{ type: string; table: Row[] }> {
		const page = await eventually(
			async () => {
				const reply = await getJson<StandingsPage>(
					`${baseUrl}/v1/standings?competition=PL&season=2024&${query}`,
				);
				return reply.status === 200 && reply.body.rows.length === 1
					? reply.body
					: undefined;
			},
			60_000,
			`the table for ${query}`,
		);
		return page.rows[0];
	}

	const shown = (rows: Row[]) => rows.map(({ position: _, ...rest }) => rest);
	/** A plain row as a matcher: the served row has more (form, goal difference, team id and TLA). */
	const like = (row: Omit<Row, "position">) =>
		expect.objectContaining({ ...row, team: expect.objectContaining(row.team) });

	test.each([
		["type=HOME", "HOME", plainTable("HOME")],
		["type=AWAY", "AWAY", plainTable("AWAY")],
		["matchday=19", "TOTAL", plainTable("TOTAL", 19)],
		["type=HOME&matchday=10", "HOME", plainTable("HOME", 10)],
	])(
		"the 2024/25 Premier League table for %s equals the one counted from the raw file",
		async (query, type, expected) => {
			const answer = await table(query);
			expect(answer.type).toBe(type);
			expect(shown(answer.table)).toEqual(expected.map(like));
			expect(answer.table.map(row => row.position)).toEqual(expected.map((_, i) => i + 1));
		},
	);

	test("the total table is the stored one, and a bad type or matchday is a 422 that names it", async () => {
		const total = await table("type=TOTAL");
		expect(total.type).toBe("TOTAL");
		expect(total.table[0]).toMatchObject({ team: { name: "Liverpool FC" }, points: 84 });
		expect(shown(total.table)).toEqual(plainTable("TOTAL").map(like));
		for (const bad of ["type=NEUTRAL", "matchday=0", "matchday=nineteen"]) {
			const reply = await getJson<{ error: { message: string } }>(
				`${baseUrl}/v1/standings?${bad}`,
			);
			expect({ bad, status: reply.status }).toEqual({ bad, status: 422 });
			expect(reply.body.error.message).toMatch(bad.split("=")[0]);
		}
	});
});

describe("results by venue and by id", () => {
	interface V2Page {
		resultSet: { count: number };
		matches: Array<{ id: string; homeTeam: { id: string }; awayTeam: { id: string } }>;
	}
	const results = (query: string) => getJson<V2Page>(`${baseUrl}/v2/results?${query}`);

	test("venue=HOME and venue=AWAY with a team: its home or away matches, as many as the file has", async () => {
		const raw = rawMatches("football/2024-25/en.1.json");
		for (const [venue, side] of [
			["HOME", "team1"],
			["AWAY", "team2"],
		] as const) {
			const reply = await results(
				`competition=PL&season=2024&team=liverpool-fc&venue=${venue}&limit=100`,
			);
			expect(reply.status).toBe(200);
			const expected = raw.filter(match => match[side] === "Liverpool FC").length;
			expect(expected).toBe(19);
			expect(reply.body.resultSet.count).toBe(expected);
			const own = venue === "HOME" ? "homeTeam" : "awayTeam";
			expect(reply.body.matches.every(match => match[own].id === "liverpool-fc")).toBe(true);
			expect(reply.body.matches).toHaveLength(expected);
		}
		const alone = await getJson<{ error: { message: string } }>(
			`${baseUrl}/v2/results?venue=HOME`,
		);
		expect(alone.status).toBe(422);
		expect(alone.body.error.message).toMatch(/venue.*team/);
	});

	test("ids= answers exactly those matches, and refuses what is not a list of ids", async () => {
		const ids = ["wc-2022-final-argentina-france", "no-such-match"];
		const final = await results(`ids=${ids.join(",")}`);
		expect(final.status).toBe(200);
		expect(final.body.matches.map(match => match.id)).toEqual([ids[0]]);
		const liverpool = await results("competition=PL&season=2024&team=liverpool-fc&limit=3");
		const some = liverpool.body.matches.map(match => match.id);
		const picked = await results(`ids=${some.join(",")}`);
		expect(picked.body.matches.map(match => match.id).sort()).toEqual([...some].sort());
		const bad = await getJson<{ error: { message: string } }>(`${baseUrl}/v2/results?ids=a;b`);
		expect(bad.status).toBe(422);
		expect(bad.body.error.message).toMatch(/ids/);
		const tooMany = Array.from({ length: 101 }, (_, i) => `m${i}`).join(",");
		const many = await getJson<{ error: { message: string } }>(
			`${baseUrl}/v2/results?ids=${tooMany}`,
		);
		expect(many.status).toBe(422);
		expect(many.body.error.message).toMatch(/at most 100/);
	});
});

describe("one competition by its code", () => {
	interface SeasonDetail {
		id: string;
		year: number;
		numberOfMatches: number;
		playedMatches: number;
		currentMatchday: number | null;
	}
	interface CompetitionDetail {
		code: string;
		name: string;
		seasons: SeasonDetail[];
	}

	/** A season counted from its raw file: matches, played ones, and the last matchday with a played match. */
	function countedSeason(path: string): Omit<SeasonDetail, "id" | "year"> {
		const matches = rawMatches(path) as Array<RawMatch & { round: string }>;
		const played = matches.filter(match => match.score?.ft);
		const matchdays = played.map(match => Number(match.round.replace("Matchday ", "")));
		return {
			numberOfMatches: matches.length,
			playedMatches: played.length,
			currentMatchday: Math.max(...matchdays),
		};
	}

	test("the Premier League and its two seasons, newest first, as their files count them", async () => {
		const reply = await eventually(
			async () => {
				const answer = await getJson<CompetitionDetail>(`${baseUrl}/v1/competitions/pl`);
				return answer.status === 200 ? answer.body : undefined;
			},
			60_000,
			"the Premier League",
		);
		expect(reply).toMatchObject({
			code: "PL",
			name: expect.stringContaining("Premier League"),
		});
		expect(reply.seasons.map(season => season.id)).toEqual(["PL-2025", "PL-2024"]);
		expect(reply.seasons[0]).toMatchObject(countedSeason("football/2025-26/en.1.json"));
		expect(reply.seasons[1]).toMatchObject({
			...countedSeason("football/2024-25/en.1.json"),
			numberOfMatches: 380,
			currentMatchday: 38,
		});
	});

	test("an unknown code is a 404 in the API's error shape", async () => {
		const reply = await getJson<{ error: { type: string; message: string } }>(
			`${baseUrl}/v1/competitions/XYZ`,
		);
		expect(reply.status).toBe(404);
		expect(reply.body.error).toMatchObject({ type: "COMPETITION_NOT_FOUND" });
		expect(reply.body.error.message).toContain("XYZ");
	});
});

describe("one team by its id", () => {
	interface TeamDetail {
		id: string;
		name: string;
		seasons: Array<{ season: number; competitions: string[] }>;
		squad: Array<{ name: string; shirtNumber: number | null }>;
	}
	const team = (id: string) => getJson<TeamDetail>(`${baseUrl}/v1/teams/${id}`);

	test("Argentina: the squad the file lists, by shirt number, and its World Cups by season", async () => {
		const reply = await eventually(
			async () => {
				const answer = await team("argentina");
				return answer.status === 200 && answer.body.squad.length > 0
					? answer.body
					: undefined;
			},
			60_000,
			"Argentina",
		);
		const squads = JSON.parse(
			readFileSync(
				join(REPO_ROOT, "data", "openfootball", "worldcup", "2026", "worldcup.squads.json"),
				"utf8",
			),
		) as Array<{ name: string; players: Array<{ name: string; number: number }> }>;
		const listed = squads.find(squad => squad.name === "Argentina")!.players;
		expect(reply.squad.map(p => [p.shirtNumber, p.name])).toEqual(
			[...listed].sort((a, b) => a.number - b.number).map(p => [p.number, p.name]),
		);
		expect(reply.seasons).toEqual([
			{ season: 2026, competitions: ["WC"] },
			{ season: 2022, competitions: ["WC"] },
		]);
	});

	test("a club has its seasons and no squad; an unknown id is a 404", async () => {
		const liverpool = await team("liverpool-fc");
		expect(liverpool.status).toBe(200);
		expect(liverpool.body.squad).toEqual([]);
		expect(liverpool.body.seasons).toEqual([
			{ season: 2025, competitions: ["PL"] },
			{ season: 2024, competitions: ["CL", "PL"] },
		]);
		const unknown = await getJson<{ error: { type: string } }>(
			`${baseUrl}/v1/teams/atlantis-fc`,
		);
		expect(unknown.status).toBe(404);
		expect(unknown.body.error.type).toBe("TEAM_NOT_FOUND");
	});
});

describe("one person by his id", () => {
	interface Person {
		id: string;
		name: string;
		team: { id: string };
		club: { name: string } | null;
		goals: {
			total: number;
			penalties: number;
			list: Array<{
				match: { id: string; utcDate: string };
				minute: number;
				penalty: boolean;
			}>;
		};
	}

	/** A player's World Cup goals for his team, counted from the raw files by the names they give him. */
	function countedGoals(team: string, names: string[]): { total: number; penalties: number } {
		let total = 0;
		let penalties = 0;
		for (const year of ["2022", "2026"]) {
			for (const match of rawMatches(`worldcup/${year}/worldcup.json`)) {
				const goals =
					match.team1 === team ? match.goals1 : match.team2 === team ? match.goals2 : [];
				for (const goal of goals ?? []) {
					if (goal.owngoal || !names.includes(goal.name)) continue;
					total++;
					if (goal.penalty) penalties++;
				}
			}
		}
		return { total, penalties };
	}

	test.each([
		["argentina-lionel-messi", "Argentina", ["Lionel Messi", "Messi"]],
		["france-kylian-mbappe", "France", ["Kylian Mbappé", "Mbappé"]],
	])("%s: his team, his club and his goals, as the files name him", async (id, team, names) => {
		const reply = await eventually(
			async () => {
				const answer = await getJson<Person>(`${baseUrl}/v1/persons/${id}`);
				return answer.status === 200 ? answer.body : undefined;
			},
			60_000,
			id,
		);
		expect(reply).toMatchObject({ id, name: names[0], team: { id: team.toLowerCase() } });
		expect(reply.club).not.toBeNull();
		const counted = countedGoals(team, names);
		expect(counted.total).toBeGreaterThan(5);
		expect({ total: reply.goals.total, penalties: reply.goals.penalties }).toEqual(counted);
		expect(reply.goals.list).toHaveLength(counted.total);
		const days = reply.goals.list.map(goal => goal.match.utcDate);
		expect(days).toEqual([...days].sort().reverse());
	});

	test("an unknown id is a 404 in the API's error shape", async () => {
		const reply = await getJson<{ error: { type: string } }>(
			`${baseUrl}/v1/persons/nobody-at-all`,
		);
		expect(reply.status).toBe(404);
		expect(reply.body.error.type).toBe("PERSON_NOT_FOUND");
	});
});
