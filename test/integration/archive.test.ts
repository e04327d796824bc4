// The whole openfootball archive (`npm run start:archive`) through HTTP like a client: every
// match in its files is served by /api/v2/results. The files are counted here by a plain loop
// that knows nothing of the importer's competition codes: per season, the counts of the files
// must be the counts of the competitions the API lists for that season.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { REPO_ROOT } from "../../tools/servers";
import { eventually, getJson, type NodeProcess, startEmbedded } from "../support/cluster";

// The archive is ~94,000 matches: every projection is built in about 80 s on a 2-core machine.
jest.setTimeout(900_000);

const ARCHIVE = join(REPO_ROOT, "data", "archive");

interface ResultsPage {
	resultSet: { count: number };
	matches: Array<{
		homeTeam: { name: string };
		awayTeam: { name: string };
		score: { fullTime: { home: number | null; away: number | null } };
		stage: string;
	}>;
}
interface CompetitionDetail {
	code: string;
	seasons: Array<{ year: number; numberOfMatches: number }>;
}

let node: NodeProcess;
let baseUrl: string;

beforeAll(async () => {
	// No rate limit: the test asks for every competition and season, ~500 requests.
	const embedded = await startEmbedded("archive", { DATA_DIR: "data/archive", RATE_LIMIT: "0" });
	node = embedded.node;
	baseUrl = `http://127.0.0.1:${embedded.port}/api`;
});

afterAll(() => node?.stop());

function jsonFiles(dir: string): string[] {
	return readdirSync(dir).flatMap(entry => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return jsonFiles(path);
		return entry.endsWith(".json") ? [path] : [];
	});
}

/** Matches per file, keyed by the season its folder names (`2024-25` and `2024` are 2024). */
function fileCountsBySeason(): Map<number, number[]> {
	const bySeason = new Map<number, number[]>();
	for (const path of jsonFiles(ARCHIVE)) {
		const content = JSON.parse(readFileSync(path, "utf8")) as {
			matches?: unknown[];
			rounds?: Array<{ matches: unknown[] }>;
		};
		if (Array.isArray(content)) continue; // squads, teams, stadiums
		let count = content.matches?.length ?? 0;
		for (const round of content.rounds ?? []) count += round.matches.length;
		if (count === 0) continue;
		const folder = relative(ARCHIVE, path).split(sep).at(-2) ?? "";
		const season = Number(folder.slice(0, 4));
		bySeason.set(season, [...(bySeason.get(season) ?? []), count]);
	}
	return bySeason;
}

async function results(query: string): Promise<ResultsPage> {
	const reply = await getJson<ResultsPage>(`${baseUrl}/v2/results?${query}`);
	expect(reply.status).toBe(200);
	return reply.body;
}

const ascending = (counts: number[]) => [...counts].sort((a, b) => a - b);

test("every match of every file is served by /api/v2/results, per season and competition", async () => {
	const files = fileCountsBySeason();
	const total = [...files.values()].flat().reduce((sum, n) => sum + n, 0);
	expect(total).toBeGreaterThan(94_000);
	// Built when every match is there; the feed is a log, so the count only grows to the total.
	await eventually(
		async () => {
			const reply = await getJson<ResultsPage>(`${baseUrl}/v2/results?limit=1`);
			return reply.status === 200 && reply.body.resultSet.count === total ? true : undefined;
		},
		600_000,
		`all ${total} matches`,
	);

	const codes = await getJson<{ rows: Array<{ code: string }>; total: number }>(
		`${baseUrl}/v1/competitions?pageSize=100`,
	);
	expect(codes.body.rows).toHaveLength(codes.body.total);
	const served = new Map<number, number[]>();
	for (const { code } of codes.body.rows) {
		const detail = await getJson<CompetitionDetail>(`${baseUrl}/v1/competitions/${code}`);
		for (const { year } of detail.body.seasons) {
			const page = await results(`competitions=${code}&season=${year}&limit=1`);
			served.set(year, [...(served.get(year) ?? []), page.resultSet.count]);
		}
	}
	expect(new Map([...served].map(([year, counts]) => [year, ascending(counts)]))).toEqual(
		new Map([...files].map(([year, counts]) => [year, ascending(counts)])),
	);
});

test("the World Cup 1930 final is there: Uruguay 4–2 Argentina", async () => {
	const page = await results("competitions=WC&season=1930&limit=100");
	const final = page.matches.find(m => m.stage === "FINAL");
	expect(final).toMatchObject({
		homeTeam: { name: "Uruguay" },
		awayTeam: { name: "Argentina" },
		score: { fullTime: { home: 4, away: 2 } },
	});
});
