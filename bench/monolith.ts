// The monolith baseline of `npm run bench`: what matchday would be without microservices.
// One process, one database, no broker, no NATS: a plain HTTP server that validates with the
// same params schemas, fills its collections with the same projection code and answers with the
// same query code as the services. The difference the benchmark measures is the architecture's.
//   DATA_DIR=… PORT=… [MONGO_URI=mongodb://…] tsx bench/monolith.ts
// Without MONGO_URI it keeps its data in memory (moleculer-db's NeDB store), as `npm start` does.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Validator from "fastest-validator";
import { MongoClient } from "mongodb";
import type { Service } from "moleculer";
import { parse as parseQuery } from "qs";
import { type Change, type HandlerParams } from "../contracts";
import { readParamsStrictly, type RuleTable } from "../contracts";
import { competitionsListParams } from "../services/competitions/competitions.contract";
import { playersListParams } from "../services/players/players.contract";
import { resultsListParams, resultsListV2Params } from "../services/results/results.contract";
import { standingsListParams } from "../services/standings/standings.contract";
import { teamsListParams } from "../services/teams/teams.contract";
import { openOpenFootballDir, streamOpenFootball } from "../domain/openfootball";
import {
	conditionalWritesOf,
	type DocumentCollection,
	MongoDocumentCollection,
} from "../storage/collections";
import { type DbMethods, openMemoryCollection } from "../mixins/db.mixin";
import { listPage } from "../mixins/listing";
import type { ProjectionOptions } from "../mixins/projection";
import { COMPETITIONS } from "../services/competitions/competitions.projection";
import { competitionsPageRequest } from "../services/competitions/competitions.query";
import { PROJECTION as COMPETITIONS_SERVICE } from "../services/competitions/competitions.v1.service";
import { PLAYERS } from "../services/players/players.projection";
import { playersPageRequest } from "../services/players/players.query";
import { PROJECTION as PLAYERS_SERVICE } from "../services/players/players.v1.service";
import { MATCHES } from "../services/results/results.projection";
import { resultsPageRequest } from "../services/results/results.query";
import { PROJECTION as RESULTS_SERVICE } from "../services/results/results.v1.service";
import { MATCHES_V2 } from "../services/results/results.v2.projection";
import { listResultsV2 } from "../services/results/results.v2.query";
import { PROJECTION as RESULTS_V2_SERVICE } from "../services/results/results.v2.service";
import { MATCHES as STANDING_MATCHES, STANDINGS } from "../services/standings/standings.projection";
import { standingsPage } from "../services/standings/standings.query";
import { PROJECTION as STANDINGS_SERVICE } from "../services/standings/standings.v1.service";
import { TEAMS } from "../services/teams/teams.projection";
import { teamsPageRequest } from "../services/teams/teams.query";
import { PROJECTION as TEAMS_SERVICE } from "../services/teams/teams.v1.service";

type Params = Record<string, unknown>;
type Area = Service & DbMethods;

/** Each service's part of the one database: its collections (prefixed), the kinds it keeps, its projection code, as the service declares them. */
const AREAS = {
	players: PLAYERS_SERVICE,
	competitions: COMPETITIONS_SERVICE,
	teams: TEAMS_SERVICE,
	results: RESULTS_SERVICE,
	results_v2: RESULTS_V2_SERVICE,
	standings: STANDINGS_SERVICE,
} satisfies Record<string, ProjectionOptions>;

type AreaName = keyof typeof AREAS;

/** Opens every area's collections in MongoDB (one database, prefixed names) or in memory. */
async function openAreas(client: MongoClient | null): Promise<Record<AreaName, Area>> {
	const areas = {} as Record<AreaName, Area>;
	// The same writes as the services make on this server (storage/collections.ts).
	const writes = client ? await conditionalWritesOf(client.db("monolith")) : "atomic";
	for (const [name, { collections, prepare }] of Object.entries(AREAS) as Array<
		[AreaName, ProjectionOptions]
	>) {
		const open = new Map<string, DocumentCollection>();
		for (const collection of collections) {
			const full = `${name}_${collection}`;
			open.set(
				collection,
				client
					? new MongoDocumentCollection(client.db("monolith").collection(full), writes)
					: await openMemoryCollection(),
			);
		}
		areas[name] = {
			collection: (collection: string) => open.get(collection)!,
		} as unknown as Area;
		// What the service does once its store is open (standings: its index on the table key).
		await prepare?.(areas[name]);
	}
	return areas;
}

/** Loads the data through each area's projection code, in pages as the services receive them. */
async function load(areas: Record<AreaName, Area>, dataDir: string): Promise<number> {
	let seq = 0;
	for (const batch of streamOpenFootball(openOpenFootballDir(dataDir))) {
		const changes = batch.docs.map(
			doc => ({ seq: ++seq, kind: batch.kind, id: doc.id, deleted: false, doc }) as Change,
		);
		for (const [name, { kinds, apply }] of Object.entries(AREAS) as Array<
			[AreaName, ProjectionOptions]
		>) {
			if (!kinds.includes(batch.kind)) continue;
			for (let i = 0; i < changes.length; i += 500)
				await apply(areas[name], changes.slice(i, i + 500));
		}
	}
	return seq;
}

interface Route {
	check: (params: Params) => true | unknown[] | Promise<true | unknown[]>;
	answer: (params: Params) => Promise<unknown>;
}

function routes(areas: Record<AreaName, Area>): Record<string, Route> {
	const v = new Validator({ useNewCustomCheckerFunction: true });
	readParamsStrictly(v as unknown as RuleTable);
	// The validator has filled in defaults by the time `answer` runs, as Moleculer's does for a handler.
	const route = <S extends object>(
		schema: S,
		answer: (params: HandlerParams<S>) => Promise<unknown>,
	): Route => ({
		check: v.compile(schema),
		answer: params => answer(params as HandlerParams<S>),
	});
	return {
		"/api/v1/players": route(playersListParams, p =>
			listPage(areas.players.collection(PLAYERS), playersPageRequest(p)),
		),
		"/api/v1/competitions": route(competitionsListParams, p =>
			listPage(areas.competitions.collection(COMPETITIONS), competitionsPageRequest(p)),
		),
		"/api/v1/teams": route(teamsListParams, p =>
			listPage(areas.teams.collection(TEAMS), teamsPageRequest(p)),
		),
		"/api/v1/results": route(resultsListParams, p =>
			listPage(areas.results.collection(MATCHES), resultsPageRequest(p)),
		),
		"/api/v2/results": route(resultsListV2Params, p =>
			listResultsV2(areas.results_v2.collection(MATCHES_V2), p),
		),
		"/api/v1/standings": route(standingsListParams, p =>
			standingsPage(
				areas.standings.collection(STANDINGS),
				areas.standings.collection(STANDING_MATCHES),
				p,
			),
		),
	};
}

function send(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
	res.end(JSON.stringify(body));
}

async function handle(
	table: Record<string, Route>,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const [path, query = ""] = (req.url ?? "").split("?");
	const route = req.method === "GET" ? table[path] : undefined;
	if (!route)
		return send(res, 404, {
			error: { status: 404, type: "NOT_FOUND", message: "No such route." },
		});
	const params = parseQuery(query) as Params;
	const checked = await route.check(params);
	if (checked !== true)
		return send(res, 422, {
			error: {
				status: 422,
				type: "VALIDATION_ERROR",
				message: "Invalid parameters.",
				fields: checked,
			},
		});
	send(res, 200, await route.answer(params));
}

export async function main(): Promise<void> {
	const dataDir = process.env.DATA_DIR;
	if (!dataDir) throw new Error("DATA_DIR must be set");
	const client = process.env.MONGO_URI
		? await MongoClient.connect(process.env.MONGO_URI, { useUnifiedTopology: true })
		: null;
	await client?.db("monolith").dropDatabase();
	const started = Date.now();
	const areas = await openAreas(client);
	const documents = await load(areas, dataDir);
	const table = routes(areas);
	const server = createServer((req, res) => {
		handle(table, req, res).catch(err =>
			send(res, 500, { error: { status: 500, message: String(err) } }),
		);
	});
	server.listen(Number(process.env.PORT ?? "3100"), "127.0.0.1", () => {
		console.log(`monolith ready: ${documents} documents loaded in ${Date.now() - started} ms`);
	});
	process.on("SIGTERM", () =>
		server.close(
			() => void (client ? client.close() : Promise.resolve()).then(() => process.exit(0)),
		),
	);
}

if (require.main === module) {
	main().catch(err => {
		console.error(err);
		process.exit(1);
	});
}
