// Sync and projections in one local broker on the in-memory store: changes reach every
// projection, and events that are dropped, duplicated, reordered or malformed do no harm.
import { type Middleware, ServiceBroker, type ServiceSchema } from "moleculer";
import type { ListResult } from "../../../contracts";
import type { Player, Team } from "../../../domain/model";
import { readConfig } from "../../../platform/config";
import PlayersService from "../../../services/players/players.v1.service";
import SyncService from "../../../services/sync/sync.v1.service";
import TeamsService from "../../../services/teams/teams.v1.service";
import { eventually } from "../../support/cluster";
import { smallSourceSet, SourceFolder, type SourceSet } from "../../support/source-files";

type Fault = (payload: unknown, deliver: (payload: unknown) => Promise<void>) => Promise<void>;

type Send = (event: string, payload: unknown, opts?: unknown) => Promise<void>;

/** A middleware that hands every `master.changed` sent (emit or broadcast) to the fault the test chose. */
function faultInjector(state: { fault?: Fault }): Middleware {
	const wrap =
		(next: Send): Send =>
		(event, payload, opts) => {
			if (event !== "master.changed" || !state.fault) return next(event, payload, opts);
			return state.fault(payload, p => next(event, p, opts));
		};
	return { name: "FaultInjector", emit: wrap, broadcast: wrap } as unknown as Middleware;
}

jest.setTimeout(30_000);

let source: SourceFolder;
let set: SourceSet;
let broker: ServiceBroker;
const faults: { fault?: Fault } = {};
let handlerErrors: Error[] = [];

async function players(query = ""): Promise<ListResult<Player>> {
	return broker.call(
		"v1.players.list",
		Object.fromEntries(new URLSearchParams(`pageSize=100&${query}`)),
	);
}

async function teams(query = ""): Promise<ListResult<Team>> {
	return broker.call(
		"v1.teams.list",
		Object.fromEntries(new URLSearchParams(`pageSize=100&${query}`)),
	);
}

async function resync(): Promise<void> {
	source.write(set);
	await broker.emit("sync.requested", { reason: "test" });
}

beforeEach(async () => {
	source = new SourceFolder();
	set = smallSourceSet();
	source.write(set);
	faults.fault = undefined;
	handlerErrors = [];
	broker = new ServiceBroker({
		logger: false,
		// The node's configuration reaches services through the broker, as moleculer.config.ts hands
		// it over: sync reads the test's folder, and only when asked.
		matchday: readConfig({ DATA_DIR: source.dir, SYNC_INTERVAL: "0" }),
		middlewares: [faultInjector(faults)],
		// Errors thrown by event handlers end here (an emitter never sees them).
		errorHandler: (err: Error) => {
			handlerErrors.push(err);
		},
	});
	// The real sync service, reading the test's folder.
	broker.createService(SyncService as unknown as ServiceSchema);
	broker.createService(PlayersService);
	broker.createService(TeamsService);
	await broker.start();
	await eventually(
		async () => ((await players()).total === 4 ? true : undefined),
		10_000,
		"first projection",
	);
});

afterEach(async () => {
	await broker.stop();
	source.remove();
});

test("when the source changes, then only the change travels and every projection follows", async () => {
	set.squads[0].players.push({
		number: 7,
		pos: "MF",
		name: "Rodrigo De Paul",
		club: { name: "Inter Miami CF", country: "USA" },
		date_of_birth: "1994-05-24",
	});
	set.squads[1].players = set.squads[1].players.filter(p => p.name !== "Mike Maignan");
	set.league[1].team2 = "Liverpool Football Club";
	const published: number[] = [];
	faults.fault = async (payload, deliver) => {
		published.push((payload as { changes: unknown[] }).changes.length);
		await deliver(payload);
	};
	await resync();

	await eventually(
		async () => {
			const names = (await players()).rows.map(p => p.name).sort();
			return names.join() === "Emiliano Martínez,Kylian Mbappé,Lionel Messi,Rodrigo De Paul"
				? true
				: undefined;
		},
		10_000,
		"players to follow",
	);
	await eventually(
		async () =>
			(await teams("q=liverpool")).rows.map(t => t.name).join() === "Liverpool Football Club"
				? true
				: undefined,
		10_000,
		"teams to follow",
	);
	// The renamed club is a new team and the old one is deleted: 3 team changes, 1 match, 2 players, and nothing else.
	expect(published.reduce((a, b) => a + b, 0)).toBe(2 + 2 + 1 + 1);
	expect((await teams()).rows.map(t => t.name)).not.toContain("Liverpool FC");
});

test("when events are dropped, then the projections still catch up from the feed", async () => {
	faults.fault = async () => undefined; // every event is lost
	set.squads[0].players[0].number = 19;
	await resync();
	// No event arrives; the timer or the next start asks the feed. Ask as the timer would:
	const service = broker.getLocalService({ name: "players", version: 1 }) as unknown as {
		requestCatchUp(): void;
	};
	service.requestCatchUp();
	await eventually(
		async () => ((await players("q=messi")).rows[0]?.shirtNumber === 19 ? true : undefined),
		10_000,
		"catch-up",
	);
});

test("when events are duplicated and reordered, then each projection still equals the master", async () => {
	const held: Array<() => Promise<void>> = [];
	faults.fault = async (payload, deliver) => {
		held.push(
			() => deliver(payload),
			() => deliver(payload),
		); // every event twice
	};
	set.squads[0].players[0].number = 30;
	await resync();
	set.squads[0].players[0].number = 31;
	await resync();
	await eventually(
		async () => (held.length >= 4 ? true : undefined),
		10_000,
		"events to be held",
	);
	for (const deliver of held.reverse()) await deliver(); // newest first, each twice
	await eventually(
		async () => ((await players("q=messi")).rows[0]?.shirtNumber === 31 ? true : undefined),
		10_000,
		"latest state",
	);
	// And it stays there: the older event arriving late cannot take it back.
	await held[held.length - 1]();
	expect((await players("q=messi")).rows[0].shirtNumber).toBe(31);
});

test("when an event does not match the contract, then it is rejected and nothing is applied", async () => {
	const before = await players();
	const messi = before.rows.find(p => p.name === "Lionel Messi")!;
	await broker.broadcast("master.changed", {
		schemaVersion: 2,
		epoch: "x",
		from: 0,
		to: 999,
		changes: [{ seq: 999, kind: "player", id: messi.id, deleted: true }],
	});
	await eventually(
		async () => (handlerErrors.length > 0 ? true : undefined),
		5_000,
		"the rejection",
	);
	expect(handlerErrors.map(e => e.name)).toEqual(expect.arrayContaining(["ValidationError"]));
	expect(await players()).toEqual(before);
	// Nor did it move the checkpoint: the next real change still arrives.
	set.squads[0].players[0].number = 99;
	await resync();
	await eventually(
		async () => ((await players("q=messi")).rows[0]?.shirtNumber === 99 ? true : undefined),
		10_000,
		"the next change",
	);
});

test("a team's competitions reach its players, whichever arrives first", async () => {
	expect((await players("competition=WC")).total).toBe(4);
	expect((await players("competition=PL")).total).toBe(0);
});

test("when the master log is reset (a new epoch), then projections rebuild instead of keeping stale views", async () => {
	const sync = broker.getLocalService({ name: "sync", version: 1 }) as unknown as {
		collection(name: string): { clear(): Promise<void> };
		log?: unknown;
		syncNow(reason: string): Promise<unknown>;
	};
	// An operator wipes sync's database and a smaller source is imported from scratch.
	set.squads[1].players = [];
	source.write(set);
	for (const name of ["documents", "counters", "consumers"]) await sync.collection(name).clear();
	sync.log = undefined;
	await sync.syncNow("reset");
	const service = broker.getLocalService({ name: "players", version: 1 }) as unknown as {
		requestCatchUp(): void;
	};
	service.requestCatchUp();
	await eventually(
		async () =>
			(await players()).rows.map(p => p.team.id).join() === "argentina,argentina"
				? true
				: undefined,
		10_000,
		"the rebuild",
	);
});
