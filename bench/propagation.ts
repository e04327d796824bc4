// How long a single change takes to reach every projection that keeps it. The benchmark edits
// one document in a copy of the source, asks sync to sync, and listens on a node of its own for
// the `master.changed` event that carries the change and for the `projection.updated` event of
// each consumer whose checkpoint covers it. Times are taken on arrival at that node, so both ends
// of an interval cross NATS the same way.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Context, ServiceBroker } from "moleculer";
import { EVENTS, type MasterChangedPayload, type ProjectionUpdatedPayload } from "../contracts";
import type { EntityKind } from "../domain/model";
import { CLUB_FILE, openOpenFootballDir } from "../domain/openfootball";
import { natsOptions } from "../platform/nats";

/** A copy of a data folder the benchmark edits one document at a time. */
export class EditableCopy {
	readonly dir = mkdtempSync(join(tmpdir(), "matchday-bench-data-"));
	private readonly seasonFile: string;
	private readonly squadsFile: string;

	constructor(source: string) {
		cpSync(source, this.dir, { recursive: true });
		const paths = openOpenFootballDir(this.dir).paths;
		this.seasonFile = paths.find(path => CLUB_FILE.test(path)) ?? "";
		this.squadsFile = paths.find(path => path.endsWith(".squads.json")) ?? "";
		if (!this.seasonFile || !this.squadsFile)
			throw new Error(`${source} has no club season file or no squads file to edit`);
	}

	/** Gives the first match of a season file a new score (`n` differs on every call); returns the match's teams. */
	scoreMatch(n: number): string {
		const file = this.read<{
			matches: Array<{ team1: string; team2: string; score?: Record<string, number[]> }>;
		}>(this.seasonFile);
		const match = file.matches[0];
		match.score = { ht: [0, 0], ft: [10 + (n % 40), n % 3] };
		this.write(this.seasonFile, file);
		return `${match.team1} v ${match.team2}`;
	}

	/** Gives the first player of a squads file a new shirt number; returns the player's name. */
	renumberPlayer(n: number): string {
		const squads = this.read<Array<{ players: Array<{ name: string; number?: number }> }>>(
			this.squadsFile,
		);
		const player = squads[0].players[0];
		player.number = 100 + (n % 800);
		this.write(this.squadsFile, squads);
		return player.name;
	}

	remove(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}

	private read<T>(path: string): T {
		return JSON.parse(readFileSync(join(this.dir, path), "utf8")) as T;
	}

	private write(path: string, content: unknown): void {
		writeFileSync(join(this.dir, path), JSON.stringify(content));
	}
}

export interface PropagationSample {
	kind: EntityKind;
	/** From the event leaving sync to the last projection that keeps the kind having applied it, ms. */
	published: number;
	/** From asking sync to sync (which re-reads the whole source) to the same moment, ms. */
	requested: number;
	consumers: number;
}

interface Arrival {
	at: number;
	seq: number;
}

/** A service-less node that notes when change events and projection updates arrive. */
export class PropagationListener {
	private readonly broker: ServiceBroker;
	private readonly changes: Array<Arrival & { kind: EntityKind }> = [];
	private readonly updates = new Map<string, Arrival[]>();
	/** Woken by every arrival: a sample looks again the moment something comes, not on a timer. */
	private wake: () => void = () => {};

	constructor(transporter: string, namespace: string) {
		this.broker = new ServiceBroker({
			nodeID: `bench-listener-${process.pid}`,
			transporter: { type: "NATS", options: natsOptions(transporter) },
			namespace,
			logger: false,
		});
		this.broker.createService({
			name: "bench-listener",
			events: {
				[EVENTS.masterChanged]: {
					handler: async (ctx: Context<MasterChangedPayload>) => {
						const at = performance.now();
						for (const change of ctx.params.changes)
							this.changes.push({ at, seq: change.seq, kind: change.kind });
						this.wake();
					},
				},
				[EVENTS.projectionUpdated]: {
					handler: async (ctx: Context<ProjectionUpdatedPayload>) => {
						const list = this.updates.get(ctx.params.consumer) ?? [];
						list.push({ at: performance.now(), seq: ctx.params.checkpoint });
						this.updates.set(ctx.params.consumer, list);
						this.wake();
					},
				},
			},
		});
	}

	start(): Promise<void> {
		return this.broker.start();
	}

	stop(): Promise<void> {
		return this.broker.stop();
	}

	/** The consumers that keep `kind`, as their services say in the registry. */
	async consumersOf(kind: EntityKind): Promise<string[]> {
		const services = (await this.broker.call("$node.services", {
			skipInternal: true,
			withActions: false,
		})) as Array<{
			metadata?: { projection?: { consumer: string; kinds: EntityKind[] } };
		}>;
		const names = services
			.map(s => s.metadata?.projection)
			.filter(p => p?.kinds.includes(kind))
			.map(p => p!.consumer);
		return [...new Set(names)].sort();
	}

	/** Makes one change with `edit`, asks for a sync, and times its way to every consumer of its kind. */
	async sample(
		kind: EntityKind,
		edit: () => void,
		timeoutMs = 60_000,
	): Promise<PropagationSample> {
		const consumers = await this.consumersOf(kind);
		const since = this.changes.length;
		edit();
		const requestedAt = performance.now();
		this.broker.emit(EVENTS.syncRequested, { reason: "benchmark" });
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const change = this.changes.slice(since).find(c => c.kind === kind);
			if (change) {
				// After the request, not after the event: a projection's periodic catch-up may read a
				// change from the feed between sync committing and publishing it (then it counts as 0).
				const applied = consumers.map(consumer =>
					this.updates
						.get(consumer)
						?.find(u => u.seq >= change.seq && u.at >= requestedAt),
				);
				if (applied.every(Boolean)) {
					const last = Math.max(...applied.map(u => u!.at));
					return {
						kind,
						published: Math.max(0, last - change.at),
						requested: last - requestedAt,
						consumers: consumers.length,
					};
				}
			}
			if (Date.now() > deadline) {
				const missing = consumers.filter(
					consumer => !(this.updates.get(consumer) ?? []).some(u => u.at >= requestedAt),
				);
				throw new Error(
					`a ${kind} change did not reach ${missing.join(", ") || "every projection"} in ${timeoutMs} ms`,
				);
			}
			await new Promise<void>(resolve => {
				const timer = setTimeout(resolve, 100); // the deadline still gets a look when nothing comes
				this.wake = () => {
					clearTimeout(timer);
					resolve();
				};
			});
		}
	}
}
