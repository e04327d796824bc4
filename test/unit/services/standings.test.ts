// v1.standings: its projection's apply function on the in-memory store, fed changes as the
// mixin hands them over (batches, moves between tables, deletions, replays), read back as the
// action reads it.
import type { Service } from "moleculer";
import DbService from "moleculer-db";
import type { Change, ListResult } from "../../../contracts";
import type { Match, TeamRef } from "../../../domain/model";
import { normaliseScore } from "../../../domain/score";
import type { Standing } from "../../../domain/standings";
import {
	type DocumentCollection,
	type NedbDatastore,
	NedbDocumentCollection,
} from "../../../storage/collections";
import type { DbMethods } from "../../../mixins/db.mixin";
import { listPage } from "../../../mixins/listing";
import {
	applyStandingChanges,
	indexMatchesByTable,
	MATCHES,
	STANDINGS,
} from "../../../services/standings/standings.projection";
import { standingsListParams } from "../../../services/standings/standings.contract";
import { standingsPageRequest } from "../../../services/standings/standings.query";
import { validated } from "../../support/params";

const ARG: TeamRef = { id: "argentina", name: "Argentina", tla: "ARG" };
const KSA: TeamRef = { id: "saudi-arabia", name: "Saudi Arabia", tla: "KSA" };
const MEX: TeamRef = { id: "mexico", name: "Mexico", tla: "MEX" };
const POL: TeamRef = { id: "poland", name: "Poland", tla: "POL" };

/** A collection on moleculer-db's in-memory store, as the service gets without MONGO_URI. */
async function memoryCollection(): Promise<DocumentCollection> {
	const adapter = new DbService.MemoryAdapter();
	adapter.init(undefined as never, undefined as never);
	await adapter.connect();
	return new NedbDocumentCollection((adapter as unknown as { db: NedbDatastore }).db);
}

let service: Service & DbMethods;
let seq = 0;

beforeEach(async () => {
	const collections = new Map([
		[STANDINGS, await memoryCollection()],
		[MATCHES, await memoryCollection()],
	]);
	service = { collection: (name: string) => collections.get(name)! } as unknown as Service &
		DbMethods;
	await indexMatchesByTable(service);
});

function worldCupMatch(
	id: string,
	home: TeamRef,
	away: TeamRef,
	ft: [number, number],
	group: string | null,
	stage = "GROUP_STAGE",
): Match {
	return {
		id,
		competition: { code: "WC", name: "FIFA World Cup" },
		season: 2022,
		utcDate: "2022-11-22T10:00:00Z",
		status: "FINISHED",
		matchday: group ? 1 : null,
		stage,
		group,
		homeTeam: home,
		awayTeam: away,
		score: normaliseScore({ ft }),
		goals: [],
	};
}

const changed = (match: Match, at = ++seq): Change => ({
	seq: at,
	kind: "match",
	id: match.id,
	deleted: false,
	doc: match,
});
const deleted = (id: string, at = ++seq): Change => ({ seq: at, kind: "match", id, deleted: true });

async function standings(params: Record<string, unknown> = {}): Promise<ListResult<Standing>> {
	return listPage<Standing>(
		service.collection(STANDINGS),
		standingsPageRequest(validated(standingsListParams, params)),
	);
}

/** Each table as "GROUP: team points, team points, …". */
async function tables(): Promise<string[]> {
	return (await standings()).rows.map(
		s => `${s.group}: ${s.table.map(row => `${row.team.tla} ${row.points}`).join(", ")}`,
	);
}

const upset = worldCupMatch("wc-c-arg-ksa", ARG, KSA, [1, 2], "GROUP_C");
const draw = worldCupMatch("wc-c-mex-pol", MEX, POL, [0, 0], "GROUP_C");

test("when a batch of matches arrives, then every table they make is built and knockouts make none", async () => {
	const final = worldCupMatch("wc-final", ARG, MEX, [3, 3], null, "FINAL");
	await applyStandingChanges(service, [changed(upset), changed(draw), changed(final)]);
	const page = await standings();
	expect(page.total).toBe(1);
	expect(page.rows[0]).toEqual({
		competition: { code: "WC", name: "FIFA World Cup" },
		season: 2022,
		stage: "GROUP_STAGE",
		group: "GROUP_C",
		table: [
			{
				position: 1,
				team: KSA,
				playedGames: 1,
				form: "W",
				won: 1,
				draw: 0,
				lost: 0,
				points: 3,
				goalsFor: 2,
				goalsAgainst: 1,
				goalDifference: 1,
			},
			{
				position: 2,
				team: MEX,
				playedGames: 1,
				form: "D",
				won: 0,
				draw: 1,
				lost: 0,
				points: 1,
				goalsFor: 0,
				goalsAgainst: 0,
				goalDifference: 0,
			},
			{
				position: 3,
				team: POL,
				playedGames: 1,
				form: "D",
				won: 0,
				draw: 1,
				lost: 0,
				points: 1,
				goalsFor: 0,
				goalsAgainst: 0,
				goalDifference: 0,
			},
			{
				position: 4,
				team: ARG,
				playedGames: 1,
				form: "L",
				won: 0,
				draw: 0,
				lost: 1,
				points: 0,
				goalsFor: 1,
				goalsAgainst: 2,
				goalDifference: -1,
			},
		],
	});
});

test("when a match moves to another group, then the table it left and the one it joined are both recomputed", async () => {
	await applyStandingChanges(service, [changed(upset), changed(draw)]);
	await applyStandingChanges(service, [changed({ ...draw, group: "GROUP_D" })]);
	expect(await tables()).toEqual(["GROUP_C: KSA 3, ARG 0", "GROUP_D: MEX 1, POL 1"]);
});

test("when a match is deleted, then its table is recomputed, and a table left without matches disappears", async () => {
	const other = worldCupMatch("wc-d-fra-aus", MEX, POL, [4, 1], "GROUP_D");
	await applyStandingChanges(service, [changed(upset), changed(draw), changed(other)]);
	await applyStandingChanges(service, [deleted(draw.id), deleted(other.id)]);
	expect(await tables()).toEqual(["GROUP_C: KSA 3, ARG 0"]);
	expect((await standings({ group: "GROUP_D" })).total).toBe(0);
});

test("when a match leaves every table (a stage without one), then its old table forgets it", async () => {
	await applyStandingChanges(service, [changed(upset), changed(draw)]);
	await applyStandingChanges(service, [changed({ ...draw, stage: "LAST_16", group: null })]);
	expect(await tables()).toEqual(["GROUP_C: KSA 3, ARG 0"]);
});

test("when an older change arrives after a newer one, or twice in a batch, then the latest state stands", async () => {
	const corrected = { ...upset, score: normaliseScore({ ft: [2, 0] }) };
	await applyStandingChanges(service, [changed(upset, 5), changed(corrected, 7)]);
	expect(await tables()).toEqual(["GROUP_C: ARG 3, KSA 0"]);
	await applyStandingChanges(service, [
		changed(upset, 5),
		changed({ ...upset, group: "GROUP_H" }, 6),
	]);
	expect(await tables()).toEqual(["GROUP_C: ARG 3, KSA 0"]);
});

test("filters pick tables by competition, season and group; bookkeeping fields are never shown", async () => {
	await applyStandingChanges(service, [changed(upset), changed({ ...draw, group: "GROUP_D" })]);
	expect(
		(await standings({ competition: "WC", season: 2022, group: "GROUP_D" })).rows.map(
			s => s.group,
		),
	).toEqual(["GROUP_D"]);
	expect((await standings({ competition: "PL" })).total).toBe(0);
	expect((await standings({ season: 2026 })).total).toBe(0);
	expect(Object.keys((await standings()).rows[0])).toEqual([
		"competition",
		"season",
		"stage",
		"group",
		"table",
	]);
});
