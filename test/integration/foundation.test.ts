// The whole path, for real: gateway, sync and the read services as separate processes
// on real NATS and FerretDB; a client asks over HTTP, and each database is read with the driver.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MongoClient } from "mongodb";
import type { ServiceBroker } from "moleculer";
import { FEED_SERVICE, type ListResult } from "../../contracts";
import type { ResultsListV2Result } from "../../services/results/results.contract";
import type { Competition, Match, Player, Team } from "../../domain/model";
import type { Standing } from "../../domain/standings";
import { REPO_ROOT } from "../../tools/servers";
import { databaseOf, nodeNameOf, READ_SERVICES } from "../support/services";
import {
	eventually,
	getJson,
	type NodeProcess,
	resetDatabases,
	startGateway,
	startNode,
	startProbe,
	type TestEnv,
	testEnv,
} from "../support/cluster";

jest.setTimeout(180_000);

const DATABASES = [FEED_SERVICE, ...READ_SERVICES].map(databaseOf);

let env: TestEnv;
let nodes: NodeProcess[] = [];
let baseUrl: string;
let probe: ServiceBroker;

async function list<T>(path: string): Promise<ListResult<T>> {
	const reply = await getJson<ListResult<T>>(`${baseUrl}/api/v1/${path}`);
	if (reply.status !== 200)
		throw new Error(`GET ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
	return reply.body;
}

beforeAll(async () => {
	env = testEnv("foundation");
	await resetDatabases(env.mongoUri);
	probe = await startProbe(env);

	// Sync first, and let it publish everything before any read service exists:
	// the read services must then find what they missed through the feed.
	const sync = startNode(env, "sync-1", "v1.sync");
	nodes.push(sync);
	await sync.started();
	await eventually(
		async () => {
			const page = await probe.call<{ head: number }, object>("v1.sync.changes", {
				since: 0,
				limit: 1,
			});
			return page.head > 5000 ? page : undefined;
		},
		60_000,
		"sync's import",
	);

	const readers = READ_SERVICES.map(service => startNode(env, nodeNameOf(service), service));
	nodes.push(...readers);
	const gateway = await startGateway(env);
	nodes.push(gateway.node);
	baseUrl = gateway.baseUrl;
	await Promise.all(readers.map(node => node.started()));

	// Every projection caught up: the last kind in the log (matches) is all there.
	await eventually(
		async () => ((await list<Match>("results?pageSize=1")).total === 3861 ? true : undefined),
		120_000,
		"results projection",
	);
	await eventually(
		async () => ((await list<Player>("players?pageSize=1")).total === 1248 ? true : undefined),
		60_000,
		"players projection",
	);
	await eventually(
		async () => {
			const reply = await getJson<ResultsListV2Result>(`${baseUrl}/api/v2/results?limit=1`);
			return reply.status === 200 && reply.body.resultSet.count === 3861 ? true : undefined;
		},
		120_000,
		"v2 results projection",
	);
});

afterAll(async () => {
	await probe?.stop();
	await Promise.all(nodes.map(node => node.stop()));
	nodes = [];
});

describe("the system on separate nodes, real NATS and FerretDB", () => {
	test("when a client asks for a World Cup 2026 squad, then it gets the 26 players of that squad", async () => {
		const page = await list<Player>("players?team=argentina&competition=WC&pageSize=100");
		expect(page.total).toBe(26);
		expect(page.rows).toHaveLength(26);
		expect(new Set(page.rows.map(p => p.team.id))).toEqual(new Set(["argentina"]));
		expect(page.rows.map(p => p.name)).toContain("Lionel Messi");
		const messi = page.rows.find(p => p.name === "Lionel Messi")!;
		expect(messi).toMatchObject({
			position: "Forward",
			nationality: "Argentina",
			team: { tla: "ARG" },
		});
		expect(messi.dateOfBirth).toBe("1987-06-24");
	});

	test("when a client searches a name without its accents, then the accented player is found", async () => {
		const page = await list<Player>("players?q=gunok");
		expect(page.rows.map(p => p.name)).toEqual(["Mert Günok"]);
		const upper = await list<Player>("players?q=SOYUNCU");
		expect(upper.rows.map(p => p.name)).toEqual(["Çağlar Söyüncü"]);
	});

	test("when a client lists competitions, then the Premier League 2024/25 and World Cup 2026 are there", async () => {
		const page = await list<Competition>("competitions?pageSize=100");
		const byCode = new Map(page.rows.map(c => [c.code, c]));
		expect(byCode.get("PL")).toMatchObject({
			name: "Premier League",
			type: "LEAGUE",
			area: { code: "ENG" },
		});
		expect(byCode.get("PL")!.seasons.map(s => s.id)).toContain("PL-2024");
		expect(byCode.get("WC")).toMatchObject({ type: "CUP" });
		expect(byCode.get("WC")!.seasons.map(s => s.id)).toEqual(
			expect.arrayContaining(["WC-2026", "WC-2022"]),
		);
		const cups = await list<Competition>("competitions?type=CUP");
		expect(cups.rows.map(c => c.code).sort()).toEqual(["CL", "WC"]);
	});

	test("when a client lists the teams of a league season, then it gets that season's 20 teams", async () => {
		const page = await list<Team>("teams?competition=PL&season=2024&pageSize=100");
		expect(page.total).toBe(20);
		const names = page.rows.map(t => t.name);
		expect(names).toEqual(
			expect.arrayContaining([
				"Liverpool FC",
				"Arsenal FC",
				"Ipswich Town FC",
				"Southampton FC",
			]),
		);
		expect(names).not.toContain("Sunderland AFC"); // promoted for 2025/26, not in 2024/25
		expect(
			page.rows.every(t => t.competitions.some(c => c.code === "PL" && c.season === 2024)),
		).toBe(true);
	});

	test("when a client asks for the 2022 World Cup final, then it gets the full score", async () => {
		const page = await list<Match>("results?competition=WC&season=2022&stage=FINAL");
		expect(page.total).toBe(1);
		const final = page.rows[0];
		expect(final.homeTeam.name).toBe("Argentina");
		expect(final.awayTeam.name).toBe("France");
		expect(final.utcDate).toBe("2022-12-18T15:00:00Z");
		expect(final.score).toEqual({
			winner: "HOME_TEAM",
			duration: "PENALTY_SHOOTOUT",
			fullTime: { home: 2, away: 2 },
			halfTime: { home: 2, away: 0 },
			extraTime: { home: 3, away: 3 },
			penalties: { home: 4, away: 2 },
		});
		expect(final.goals.filter(g => g.scorer.name === "Kylian Mbappé")).toHaveLength(3);
	});

	test("when both versions of results are served, then the same match reads correctly in each contract", async () => {
		const v1 = (await list<Match>("results?competition=WC&season=2022&stage=FINAL")).rows[0];
		const v2 = await getJson<ResultsListV2Result>(
			`${baseUrl}/api/v2/results?competitions=WC,PL&season=2022&stage=FINAL`,
		);
		expect(v2.status).toBe(200);
		expect(v2.body.resultSet).toEqual({
			count: 1,
			first: "2022-12-18",
			last: "2022-12-18",
			played: 1,
		});
		const final = v2.body.matches[0];
		expect(final.id).toBe(v1.id);
		expect(final.utcDate).toBe(v1.utcDate);
		expect(final.season).toEqual({ year: 2022 });
		expect(v1.score.fullTime).toEqual({ home: 2, away: 2 }); // v1: after 90 minutes
		expect(final.score).toEqual({
			winner: "HOME_TEAM",
			duration: "PENALTY_SHOOTOUT",
			fullTime: { home: 7, away: 5 }, // v4: the final result, shoot-out included
			halfTime: { home: 2, away: 0 },
			regularTime: { home: 2, away: 2 },
			extraTime: { home: 1, away: 1 },
			penalties: { home: 4, away: 2 },
		});
	});

	test("when a client pages v2 results with cursors, then it sees every match once, in v1's order", async () => {
		const v1Ids = (
			await list<Match>("results?competition=WC&season=2022&pageSize=100")
		).rows.map(m => m.id);
		const seen: string[] = [];
		let cursor: string | null = null;
		do {
			const url = `${baseUrl}/api/v2/results?competition=WC&season=2022&limit=15${cursor ? `&cursor=${cursor}` : ""}`;
			const reply: { status: number; body: ResultsListV2Result } =
				await getJson<ResultsListV2Result>(url);
			expect(reply.status).toBe(200);
			expect(reply.body.resultSet.count).toBe(64);
			seen.push(...reply.body.matches.map(m => m.id));
			cursor = reply.body.next;
		} while (cursor);
		expect(seen).toEqual(v1Ids);
		const bad = await getJson<{ error: { fields: Array<{ field: string }> } }>(
			`${baseUrl}/api/v2/results?cursor=bogus`,
		);
		expect(bad.status).toBe(422);
		expect(bad.body.error.fields[0].field).toBe("cursor");
	});

	test("when a client asks for the 2024/25 Premier League table, then Liverpool are first on 84 points", async () => {
		// Built from the same match changes as results, by its own projection: wait for the last of them.
		const page = await eventually(
			async () => {
				const reply = await list<Standing>("standings?competition=PL&season=2024");
				return reply.rows[0]?.table.every(row => row.playedGames === 38)
					? reply
					: undefined;
			},
			60_000,
			"the standings projection",
		);
		expect(page.total).toBe(1);
		const { table, ...standing } = page.rows[0];
		expect(standing).toEqual({
			competition: { code: "PL", name: "Premier League" },
			season: 2024,
			stage: "REGULAR_SEASON",
			group: null,
			type: "TOTAL",
		});
		expect(table).toHaveLength(20);
		expect(table[0]).toMatchObject({
			position: 1,
			team: { id: "liverpool-fc", name: "Liverpool FC" },
			points: 84,
			won: 25,
			draw: 9,
			lost: 4,
			goalDifference: 45,
		});
		expect(table[19]).toMatchObject({
			position: 20,
			team: { name: "Southampton FC" },
			points: 12,
		});
		// A cup: one table per group, once every group match of 2022 is in (they come later in the log).
		const groups = await eventually(
			async () => {
				const reply = await list<Standing>("standings?competition=wc&season=2022");
				return reply.total === 8 &&
					reply.rows.every(s => s.table.every(row => row.playedGames === 3))
					? reply
					: undefined;
			},
			60_000,
			"the 2022 World Cup groups",
		);
		expect(groups.rows.map(s => s.group)).toEqual([
			"GROUP_A",
			"GROUP_B",
			"GROUP_C",
			"GROUP_D",
			"GROUP_E",
			"GROUP_F",
			"GROUP_G",
			"GROUP_H",
		]);
		expect(groups.rows[2].table.map(row => row.team.name)).toEqual([
			"Argentina",
			"Poland",
			"Mexico",
			"Saudi Arabia",
		]);
		const unknownParam = await getJson<{ error: { fields: Array<{ field: string }> } }>(
			`${baseUrl}/api/v1/standings?competition=PL&stage=FINAL`,
		);
		expect(unknownParam.status).toBe(422);
		expect(unknownParam.body.error.fields.map(f => f.field)).toEqual(["stage"]);
	});

	test("when a client lists results, then the newest come first and filters combine", async () => {
		const page = await list<Match>(
			"results?team=argentina&competition=WC&season=2022&pageSize=100",
		);
		expect(page.total).toBe(7);
		const dates = page.rows.map(m => m.utcDate);
		expect(dates).toEqual([...dates].sort().reverse());
		// The opening weekend of the Premier League 2024/25, counted straight from the source file.
		const source = JSON.parse(
			readFileSync(join(REPO_ROOT, "data/openfootball/football/2024-25/en.1.json"), "utf8"),
		) as {
			matches: Array<{ date: string }>;
		};
		const openingWeekend = source.matches.filter(
			m => m.date >= "2024-08-16" && m.date <= "2024-08-17",
		).length;
		const window = await list<Match>(
			"results?competition=PL&dateFrom=2024-08-16&dateTo=2024-08-17&pageSize=100",
		);
		expect(window.total).toBe(openingWeekend);
		expect(window.total).toBeGreaterThan(5);
	});

	test("when a client sends bad input, then it gets a clear error and no 5xx", async () => {
		const tooBig = await getJson<{
			error: { status: number; fields: Array<{ field: string }> };
		}>(`${baseUrl}/api/v1/players?pageSize=1000`);
		expect(tooBig.status).toBe(422);
		expect(tooBig.body.error.fields.map(f => f.field)).toEqual(["pageSize"]);
		const unknownParam = await getJson<{ error: { fields: Array<{ field: string }> } }>(
			`${baseUrl}/api/v1/teams?colour=red`,
		);
		expect(unknownParam.status).toBe(422);
		expect(unknownParam.body.error.fields.map(f => f.field)).toEqual(["colour"]);
		const notARoute = await getJson<{ error: { type: string } }>(`${baseUrl}/api/v1/sync`);
		expect(notARoute.status).toBe(404);
		expect(notARoute.body.error.type).toBe("NOT_FOUND");
		const operator = await getJson(`${baseUrl}/api/v1/players?q[$ne]=x`);
		expect(operator.status).toBe(422);
	});

	test("each service keeps its data in a database of its own", async () => {
		const client = await MongoClient.connect(env.mongoUri, { useUnifiedTopology: true });
		try {
			const { databases } = await client.db("admin").admin().listDatabases();
			expect(databases.map((d: { name: string }) => d.name)).toEqual(
				expect.arrayContaining(DATABASES),
			);

			const live = { _deleted: false };
			expect(await client.db("v1-players").collection("players").countDocuments(live)).toBe(
				1248,
			);
			expect(
				await client.db("v1-competitions").collection("competitions").countDocuments(live),
			).toBe(7);
			expect(await client.db("v1-teams").collection("teams").countDocuments(live)).toBe(178);
			expect(await client.db("v1-results").collection("matches").countDocuments(live)).toBe(
				3861,
			);
			expect(await client.db("v2-results").collection("matches").countDocuments(live)).toBe(
				3861,
			);
			expect(await client.db("v1-standings").collection("matches").countDocuments(live)).toBe(
				3861,
			);
			expect(await client.db("v1-sync").collection("documents").countDocuments({})).toBe(
				7 + 178 + 1248 + 3861,
			);

			// A service holds only what it projects: no matches among the players, no players among the results.
			const playersCollections = (await client.db("v1-players").listCollections().toArray())
				.map(c => c.name)
				.sort();
			expect(playersCollections).toEqual(["meta", "players", "teams"]);
			const resultsCollections = (await client.db("v1-results").listCollections().toArray())
				.map(c => c.name)
				.sort();
			expect(resultsCollections).toEqual(["matches", "meta"]);
			const final = await client
				.db("v1-results")
				.collection("matches")
				.findOne({ _id: "wc-2022-final-argentina-france" });
			expect(final?.score.penalties).toEqual({ home: 4, away: 2 });
		} finally {
			await client.close();
		}
	});

	test("each service exposes exactly one action, as the registry tells", async () => {
		const services = await probe.call<
			Array<{ fullName: string; actions: Record<string, unknown> }>,
			object
		>("$node.services", {
			onlyLocal: false,
			skipInternal: true,
			withActions: true,
		});
		const actionsOf = (fullName: string) =>
			Object.keys(services.find(s => s.fullName === fullName)?.actions ?? {});
		expect(actionsOf("v1.sync")).toEqual(["v1.sync.changes"]);
		expect(actionsOf("v1.players")).toEqual(["v1.players.list"]);
		expect(actionsOf("v1.competitions")).toEqual(["v1.competitions.list"]);
		expect(actionsOf("v1.teams")).toEqual(["v1.teams.list"]);
		expect(actionsOf("v1.results")).toEqual(["v1.results.list"]);
		expect(actionsOf("v2.results")).toEqual(["v2.results.list"]);
		expect(actionsOf("v1.standings")).toEqual(["v1.standings.list"]);
		// The gateway's one verb, moleculer-web's `rest`, is private to its node: it publishes no action at all.
		expect(services.some(s => s.fullName === "api")).toBe(true);
		expect(actionsOf("api")).toEqual([]);
	});
});
