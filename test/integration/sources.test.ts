// The sources that keep the master data fresh (DATA_SOURCE, services/sync/sources), against a
// local HTTP server standing in for openfootball's hosts and football-data.org: first each
// source alone (what it downloads, how it asks, how it waits, how it fails), then a running
// node, through its HTTP API like a client, importing from each and surviving a failed download.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MasterData } from "../../domain/model";
import { normaliseFootballData } from "../../domain/football-data";
import {
	type MasterBatch,
	normaliseOpenFootball,
	readOpenFootballDir,
} from "../../domain/openfootball";
import { FootballDataSource } from "../../services/sync/sources/football-data-source";
import { SourceError } from "../../services/sync/sources/http-client";
import { OpenFootballHttpSource } from "../../services/sync/sources/openfootball-http-source";
import { eventually, getJson, type NodeProcess, sleep, startEmbedded } from "../support/cluster";
import {
	FOOTBALL_DATA_FIXTURES,
	FOOTBALL_DATA_TOKEN,
	SourceServer,
} from "../support/source-server";
import { REPO_ROOT } from "../../tools/servers";

jest.setTimeout(120_000);

const DATA_DIR = join(REPO_ROOT, "data", "openfootball");
const BUNDLED = readOpenFootballDir(DATA_DIR);
const PATHS = BUNDLED.map(file => file.path);
const FAST = { retries: 2, retryDelay: 20, timeout: 5000 };
const ADMIN_TOKEN = "sources-admin-token-0123456789";

let server: SourceServer;
let baseUrl: string;

beforeEach(async () => {
	server = new SourceServer(DATA_DIR);
	baseUrl = await server.start();
});

afterEach(async () => {
	await server.stop();
});

/** The batches of a read, gathered as master data sorted by id (the form normaliseOpenFootball gives). */
function gathered(batches: Iterable<MasterBatch>): MasterData {
	const data: MasterData = { competitions: [], teams: [], players: [], matches: [] };
	const into = {
		competition: "competitions",
		team: "teams",
		player: "players",
		match: "matches",
	} as const;
	for (const batch of batches) (data[into[batch.kind]] as unknown[]).push(...batch.docs);
	for (const docs of Object.values(data) as Array<Array<{ id: string }>>)
		docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return data;
}

const WORLD_CUP_2022 = "worldcup/2022/worldcup.json";

interface WorldCupFile {
	matches: Array<{ round: string; score: { p?: number[]; ft?: number[] } }>;
}

/** Serves the 2022 file with the final's shoot-out 5-4 (the file's last match); answers the file. */
function changeFinalsShootOut(): WorldCupFile {
	const content = server.content(WORLD_CUP_2022) as WorldCupFile;
	content.matches[content.matches.length - 1].score.p = [5, 4];
	server.replace(WORLD_CUP_2022, content);
	return content;
}

function openfootball(paths = PATHS): OpenFootballHttpSource {
	return new OpenFootballHttpSource(
		[{ folder: null, url: `${baseUrl}/openfootball` }],
		paths,
		FAST,
	);
}

describe("the openfootball-http source", () => {
	it("downloads every file and gives the master data the folder gives", async () => {
		const read = await openfootball().read();
		expect(read.batches).not.toBeNull();
		expect(gathered(read.batches ?? [])).toEqual(normaliseOpenFootball(BUNDLED));
		expect(server.requestsOf("/openfootball/")).toHaveLength(PATHS.length);
	});

	it("maps a top folder to a base URL of its own, as openfootball's repositories lay them out", () => {
		const source = new OpenFootballHttpSource(
			[
				{ folder: "football", url: "https://football.example/master" },
				{ folder: "worldcup", url: "https://worldcup.example/master/" },
			],
			["football/2024-25/en.1.json", "worldcup/2022/worldcup.json"],
			FAST,
		);
		expect(source.urlOf("football/2024-25/en.1.json")).toBe(
			"https://football.example/master/2024-25/en.1.json",
		);
		expect(source.urlOf("worldcup/2022/worldcup.json")).toBe(
			"https://worldcup.example/master/2022/worldcup.json",
		);
		expect(() => source.urlOf("euro/2024/euro.json")).toThrow(SourceError);
	});

	it("asks again with If-None-Match and, every file answering 304, reports nothing changed", async () => {
		const source = openfootball();
		(await source.read()).commit();
		const before = server.seen.length;
		const again = await source.read();
		const asked = server.seen.slice(before);
		expect(again.batches).toBeNull();
		expect(asked).toHaveLength(PATHS.length);
		expect(asked.every(seen => seen.status === 304 && seen.headers["if-none-match"])).toBe(
			true,
		);
	});

	it("asks by date (If-Modified-Since) where the server gives no ETag", async () => {
		server.etags = false;
		const source = openfootball();
		(await source.read()).commit();
		const before = server.seen.length;
		expect((await source.read()).batches).toBeNull();
		const asked = server.seen.slice(before);
		expect(asked.every(seen => seen.status === 304 && seen.headers["if-modified-since"])).toBe(
			true,
		);
	});

	it("imports a changed file with the unchanged ones it already has", async () => {
		const source = openfootball();
		(await source.read()).commit();
		changeFinalsShootOut();
		const again = await source.read();
		const data = gathered(again.batches ?? []);
		expect(
			data.matches.find(m => m.id === "wc-2022-final-argentina-france")?.score.penalties,
		).toEqual({
			home: 5,
			away: 4,
		});
		// Everything else is still there: the 304s gave back the files already downloaded.
		expect(data.matches).toHaveLength(normaliseOpenFootball(BUNDLED).matches.length);
	});

	it("retries a failing download with back-off, and goes on when it passes", async () => {
		const path = "/openfootball/football/2024-25/en.1.json";
		server.fail(path, 503, 2);
		const read = await openfootball().read();
		expect(read.batches).not.toBeNull();
		expect(server.requestsOf(path).map(seen => seen.status)).toEqual([503, 503, 200]);
	});

	it("fails the whole read when a file cannot be had, and keeps what it had committed", async () => {
		const source = openfootball();
		(await source.read()).commit();
		changeFinalsShootOut();
		const failing = "/openfootball/football/2025-26/it.1.json";
		server.fail(failing, 500);
		await expect(source.read()).rejects.toThrow(/it\.1\.json: 500.*after 3 tries/);
		const statuses = () => server.requestsOf(failing).map(seen => seen.status);
		expect(statuses()).toEqual([200, 500, 500, 500]);
		// A 404 is not retried: no later try finds a file that is not there.
		server.fail(failing, 404);
		await expect(source.read()).rejects.toThrow(SourceError);
		expect(statuses()).toEqual([200, 500, 500, 500, 404]);
		// Nothing of the failed reads was committed: the changed file still counts as changed.
		server.heal(failing);
		const healed = await source.read();
		expect(healed.batches).not.toBeNull();
	});

	it("refuses a file that is not JSON", async () => {
		server.replaceText("worldcup/2022/worldcup.json", "{ not json");
		await expect(openfootball().read()).rejects.toThrow(/worldcup\.json: not JSON/);
	});
});

function footballData(competitions = ["PL", "WC"], seasons: number[] = []): FootballDataSource {
	return new FootballDataSource({
		url: `${baseUrl}/v4`,
		token: FOOTBALL_DATA_TOKEN,
		competitions,
		seasons,
		policy: FAST,
	});
}

const fixture = (...path: string[]) =>
	JSON.parse(
		readFileSync(join(FOOTBALL_DATA_FIXTURES, "competitions", ...path), "utf8"),
	) as never;

describe("the football-data source", () => {
	it("reads each competition's current season, with the token, into master data", async () => {
		const read = await footballData().read();
		expect(gathered(read.batches ?? [])).toEqual(
			normaliseFootballData(
				["PL", "WC"].map(code => ({
					competition: fixture(`${code}.json`),
					teams: fixture(code, `teams-${code === "PL" ? 2024 : 2022}.json`),
					matches: fixture(code, `matches-${code === "PL" ? 2024 : 2022}.json`),
				})),
			),
		);
		expect(server.requestsOf("/v4/").map(seen => seen.path)).toEqual([
			"/v4/competitions/PL",
			"/v4/competitions/PL/teams?season=2024",
			"/v4/competitions/PL/matches?season=2024",
			"/v4/competitions/WC",
			"/v4/competitions/WC/teams?season=2022",
			"/v4/competitions/WC/matches?season=2022",
		]);
		expect(
			server.seen.every(seen => seen.headers["x-auth-token"] === FOOTBALL_DATA_TOKEN),
		).toBe(true);
	});

	it("reads the seasons it is given", async () => {
		await footballData(["PL"], [2024]).read();
		expect(server.requestsOf("/v4/competitions/PL/teams")[0].path).toBe(
			"/v4/competitions/PL/teams?season=2024",
		);
		await expect(footballData(["PL"], [2023]).read()).rejects.toThrow(
			/teams\?season=2023: 404/,
		);
	});

	it("waits as long as a 429 says, then goes on", async () => {
		server.fail("/v4/competitions/WC", 429, 1, { "x-requestcounter-reset": "1" });
		const read = await footballData().read();
		expect(read.batches).not.toBeNull();
		const [refused, passed] = server.requestsOf("/v4/competitions/WC");
		expect([refused.status, passed.status]).toEqual([429, 200]);
		expect(passed.at - refused.at).toBeGreaterThanOrEqual(950);
	});

	it("spends no request the limit header says it has no room for", async () => {
		// Two requests a window of one second: six requests need three windows, and none is refused.
		server.limit(2, 1000);
		await footballData().read();
		const seen = server.requestsOf("/v4/");
		expect(seen.map(one => one.status)).toEqual([200, 200, 200, 200, 200, 200]);
		expect(seen[2].at - seen[0].at).toBeGreaterThanOrEqual(900);
		expect(seen[4].at - seen[2].at).toBeGreaterThanOrEqual(900);
	});

	it("fails at once on a refused token, with football-data's reason", async () => {
		const source = new FootballDataSource({
			url: `${baseUrl}/v4`,
			token: "wrong",
			competitions: ["PL"],
			seasons: [],
			policy: FAST,
		});
		await expect(source.read()).rejects.toThrow(
			/403 \(The resource you are looking for is restricted/,
		);
		expect(server.seen).toHaveLength(1);
	});
});

describe("a node importing from each source, seen through its API", () => {
	let node: NodeProcess | undefined;

	afterEach(async () => {
		await node?.stop();
		node = undefined;
	});

	async function start(env: Record<string, string>): Promise<string> {
		const started = await startEmbedded("sources", {
			SYNC_INTERVAL: "0",
			SOURCE_RETRIES: "2",
			SOURCE_RETRY_DELAY: "50",
			ADMIN_TOKEN,
			...env,
		});
		node = started.node;
		return `http://127.0.0.1:${started.port}`;
	}

	const requestSync = (api: string) =>
		fetch(`${api}/api/admin/sync`, {
			method: "POST",
			headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
		});

	const scoreOf = async (api: string, id: string) => {
		const reply = await getJson<{ score: { fullTime: unknown; penalties?: unknown } }>(
			`${api}/api/v2/matches/${id}`,
		);
		return reply.status === 200 ? reply.body.score : undefined;
	};

	it("openfootball-http: imports the files, follows a change, and a failed download imports nothing", async () => {
		const files = [
			"worldcup/2022/worldcup.groups.json",
			"worldcup/2022/worldcup.json",
			"worldcup/2026/worldcup.json",
			"worldcup/2026/worldcup.squads.json",
			"worldcup/2026/worldcup.teams.json",
		];
		const api = await start({
			DATA_SOURCE: "openfootball-http",
			OPENFOOTBALL_URLS: `worldcup=${baseUrl}/openfootball/worldcup`,
			OPENFOOTBALL_FILES: files.join(","),
		});
		const final = "wc-2022-final-argentina-france";
		expect(await eventually(() => scoreOf(api, final), 30_000, "the final")).toMatchObject({
			penalties: { home: 4, away: 2 },
		});
		const codes = await eventually(
			async () => {
				const reply = await getJson<{ rows: Array<{ code: string }> }>(
					`${api}/api/v1/competitions`,
				);
				return reply.body.rows.length > 0
					? reply.body.rows.map(row => row.code)
					: undefined;
			},
			30_000,
			"the competitions",
		);
		expect(codes).toEqual(["WC"]);

		const content = changeFinalsShootOut();
		expect((await requestSync(api)).status).toBe(202);
		await eventually(
			async () =>
				((await scoreOf(api, final)) as { penalties: { home: number } }).penalties.home ===
					5 || undefined,
			30_000,
			"the changed shoot-out",
		);

		// A download that fails for good: the change in the other file must not go in alone.
		const third = content.matches.find(match => match.round === "Match for third place");
		if (!third?.score.ft) throw new Error("the 2022 file has no third-place match");
		third.score.ft = [3, 1];
		server.replace(WORLD_CUP_2022, content);
		const failing = "/openfootball/worldcup/2026/worldcup.squads.json";
		server.fail(failing, 500);
		expect((await requestSync(api)).status).toBe(202);
		await eventually(
			async () => server.requestsOf(failing).length >= 3 || undefined,
			30_000,
			"the retries",
		);
		await sleep(1500);
		const thirdId = "wc-2022-match-for-third-place-croatia-morocco";
		expect(await scoreOf(api, thirdId)).toMatchObject({ fullTime: { home: 2, away: 1 } });
		const players = await getJson<{ total: number }>(`${api}/api/v1/players?pageSize=1`);
		expect(players.body.total).toBeGreaterThan(0);

		server.heal(failing);
		expect((await requestSync(api)).status).toBe(202);
		await eventually(
			async () =>
				((await scoreOf(api, thirdId)) as { fullTime: { home: number } }).fullTime.home ===
					3 || undefined,
			30_000,
			"the third-place match's new score",
		);
	});

	it("football-data: imports the recorded answers, v2 giving the final back as football-data does", async () => {
		server.limit(4, 1000);
		const api = await start({
			DATA_SOURCE: "football-data",
			FOOTBALL_DATA_URL: `${baseUrl}/v4`,
			FOOTBALL_DATA_TOKEN,
			FOOTBALL_DATA_COMPETITIONS: "PL,WC",
		});
		const score = await eventually(() => scoreOf(api, "fd-match-391881"), 30_000, "the final");
		const recorded = (
			fixture("WC", "matches-2022.json") as { matches: Array<{ id: number; score: unknown }> }
		).matches.find(match => match.id === 391881);
		expect(score).toEqual(recorded?.score);
		// Each projection applies the feed on its own: each is waited for.
		const team = await eventually(
			async () => {
				const reply = await getJson<{ name: string; tla: string }>(
					`${api}/api/v1/teams/fd-team-57`,
				);
				return reply.status === 200 ? reply.body : undefined;
			},
			30_000,
			"Arsenal",
		);
		expect(team).toMatchObject({ name: "Arsenal FC", tla: "ARS" });
		const codes = await eventually(
			async () => {
				const reply = await getJson<{ rows: Array<{ code: string }> }>(
					`${api}/api/v1/competitions`,
				);
				const found = reply.body.rows.map(row => row.code).sort();
				return found.length === 2 ? found : undefined;
			},
			30_000,
			"both competitions",
		);
		expect(codes).toEqual(["PL", "WC"]);
		expect(server.seen.some(seen => seen.status === 429)).toBe(false);
	});
});
