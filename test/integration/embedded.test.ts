// `npm start` with nothing configured: one process, every service, in memory, bundled data.
import type { ListResult } from "../../contracts";
import type { Match, Player } from "../../domain/model";
import type { Standing } from "../../domain/standings";
import { eventually, getJson, type NodeProcess, startEmbedded } from "../support/cluster";

jest.setTimeout(120_000);

let node: NodeProcess;
let baseUrl: string;

beforeAll(async () => {
	const embedded = await startEmbedded("embedded");
	node = embedded.node;
	baseUrl = `http://127.0.0.1:${embedded.port}/api/v1`;
});

afterAll(() => node?.stop());

test("when started with nothing configured, then it serves the bundled data and says where", async () => {
	const squad = await eventually(
		async () => {
			const reply = await getJson<ListResult<Player>>(
				`${baseUrl}/players?team=france&pageSize=100`,
			);
			return reply.status === 200 && reply.body.total === 26 ? reply.body : undefined;
		},
		60_000,
		"the French squad",
	);
	expect(squad.rows.map(p => p.name)).toContain("Kylian Mbappé");
	const results = await eventually(
		async () => {
			const reply = await getJson<ListResult<Match>>(`${baseUrl}/results?pageSize=1`);
			return reply.body.total === 3861 ? reply.body : undefined;
		},
		60_000,
		"every match",
	);
	expect(results.rows[0].utcDate >= "2026-05-01").toBe(true); // newest first
	const premierLeague = await eventually(
		async () => {
			const reply = await getJson<ListResult<Standing>>(
				`${baseUrl}/standings?competition=PL&season=2024`,
			);
			return reply.body.rows?.[0]?.table.every(row => row.playedGames === 38)
				? reply.body.rows[0]
				: undefined;
		},
		60_000,
		"the Premier League table",
	);
	expect(premierLeague.table[0]).toMatchObject({ team: { name: "Liverpool FC" }, points: 84 });
	expect(node.logs()).toContain("in one process; store: in memory");
	expect(node.logs()).toContain(`curl '${baseUrl}/players?team=argentina'`);
});

test("every example the banner suggests answers rows", async () => {
	const examples = [...node.logs().matchAll(/^ {2}curl '([^']+)'$/gm)].map(match => match[1]);
	expect(examples.length).toBeGreaterThanOrEqual(6);
	for (const url of examples) {
		const reply = await getJson<{ rows?: unknown[]; id?: string }>(url);
		expect({ url, status: reply.status }).toEqual({ url, status: 200 });
		// A list answers rows; a lookup answers the thing it names.
		const answered = Array.isArray(reply.body.rows)
			? reply.body.rows.length > 0
			: !!reply.body.id;
		expect({ url, answered }).toEqual({ url, answered: true });
	}
});
