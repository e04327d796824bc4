// The feed's anti-entropy answers (contracts/digest.ts): a digest of each bucket of the live
// documents of some kinds, and the live documents of one bucket. Both describe the log at one
// head: an answer read while an append was under way would mix two heads, so it is refused as
// busy and the projection asks again next round.
//
// Projections ask now and then and mostly find nothing: one read of the log's versions (every
// kind at once) makes the digests of a head, kept until the head moves; so asking costs one scan
// per head, not one per projection and kind. (On FerretDB v1 that scan decodes every document.)
import { bucketDigests, bucketOf, type Change, DIGEST_BUCKETS } from "../../contracts";
import { ENTITY_KINDS, type EntityKind } from "../../domain/model";
import { Errors } from "moleculer";
import type { ChangeLog } from "./change-log";

export interface Digest {
	epoch: string;
	head: number;
	buckets: string[];
}

export interface Bucket {
	epoch: string;
	head: number;
	bucket: number;
	changes: Change[];
}

interface KindDigest {
	digests: string[];
	/** The master keys of each bucket's live documents. */
	keys: string[][];
}

type Version = { key: string; id: string; seq: number; kind: EntityKind };

interface Snapshot {
	head: number;
	versions: Map<EntityKind, Version[]>;
}

/** Refused while an append is under way; the projection tries again next round. */
export class LogBusyError extends Errors.MoleculerRetryableError {
	constructor() {
		super("The master log is being written; ask again shortly.", 503, "SYNC_BUSY");
	}
}

export class MasterDigests {
	private snapshot_?: Snapshot;

	constructor(private readonly log: ChangeLog) {}

	async digest(kinds: EntityKind[]): Promise<Digest> {
		const { head, digests } = await this.of(kinds);
		return { epoch: await this.log.epoch(), head, buckets: digests };
	}

	async bucket(kinds: EntityKind[], bucket: number): Promise<Bucket> {
		const { head, keys } = await this.of(kinds);
		const changes = await this.log.latestLive(keys[bucket] ?? []);
		if (!(await this.log.isStableAt(head))) throw new LogBusyError();
		return { epoch: await this.log.epoch(), head, bucket, changes };
	}

	/** The digests and keys of these kinds together, at the log's head. */
	private async of(kinds: EntityKind[]): Promise<KindDigest & { head: number }> {
		const snapshot = await this.snapshot();
		const versions = kinds.flatMap(kind => snapshot.versions.get(kind) ?? []);
		const keys: string[][] = Array.from({ length: DIGEST_BUCKETS }, () => []);
		for (const version of versions) keys[bucketOf(version.id)].push(version.key);
		return { head: snapshot.head, digests: bucketDigests(versions), keys };
	}

	/** Every kind's live versions at the log's head, read anew only when the head has moved. */
	private async snapshot(): Promise<Snapshot> {
		const head = await this.log.head();
		if (this.log.isAppending()) throw new LogBusyError();
		if (this.snapshot_?.head === head) return this.snapshot_;
		const versions = await this.log.liveVersions([...ENTITY_KINDS]);
		if (!(await this.log.isStableAt(head))) throw new LogBusyError();
		const byKind = new Map<EntityKind, Version[]>();
		for (const version of versions) {
			const ofKind = byKind.get(version.kind) ?? [];
			ofKind.push(version);
			byKind.set(version.kind, ofKind);
		}
		this.snapshot_ = { head, versions: byKind };
		return this.snapshot_;
	}
}
