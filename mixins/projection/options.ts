// What a service declares to become a projection, and the methods the mixin gives it.
import type { Service } from "moleculer";
import type { Change, MasterChangedPayload } from "../../contracts";
import type { EntityKind } from "../../domain/model";
import type { DbMethods } from "../db.mixin";

export interface ProjectionOptions {
	/**
	 * Its name at sync and the prefix of its cached lists, e.g. `v1.players`. By default the
	 * service's own full name, so a copy of a service with another `version` needs no change here.
	 */
	consumer?: string;
	/** Its own database, e.g. `v1-players`. */
	database: string;
	/** Its collections; the first is its main one. A `meta` collection is added for the checkpoint. */
	collections: [string, ...string[]];
	/** The kinds of master document it needs. */
	kinds: EntityKind[];
	/**
	 * For each kind, the collection that holds one view per master document of it (written with
	 * `applyAsViews`/`viewOf`): what anti-entropy compares with the master and repairs.
	 */
	views: Partial<Record<EntityKind, string>>;
	/** Applies changes (in seq order, of its kinds); must be idempotent: the same change may come twice. */
	apply(service: Service & DbMethods, changes: Change[]): Promise<void>;
	/** Runs once the store is open, before the checkpoint is read or anything applied (e.g. to create indexes). */
	prepare?(service: Service & DbMethods): Promise<void>;
}

export interface ProjectionMethods extends DbMethods {
	catchUp(): Promise<void>;
	applyEvent(payload: MasterChangedPayload): Promise<void>;
	applyChanges(changes: Change[], upTo: number): Promise<void>;
	rebuild(epoch: string): Promise<void>;
	isApplier(): boolean;
	enqueue(task: () => Promise<void>): Promise<void>;
	requestCatchUp(): void;
	loadCheckpoint(): Promise<void>;
	antiEntropy(): Promise<void>;
	requestAntiEntropy(): void;
}
