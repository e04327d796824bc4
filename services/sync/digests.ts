// The feed's anti-entropy answers (contracts/digest.ts): a digest of each bucket of the live
// documents of some kinds, and the live documents of one bucket. Both describe the log at one
// head: an answer read while an append was under way would mix two heads, so it is refused as
// busy and the projection asks again next round.
//
// Projections ask every few minutes and mostly find nothing: the digest of a head is kept until
// the head moves, so asking costs one read of the log's versions per change, not per projection.
import { bucketDigests, bucketOf, type Change, DIGEST_BUCKETS } from "../../contracts";
import type { EntityKind } from "../../domain/model";
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

interface Snapshot {
	head: number;
	digests: string[];
	/** The master keys of each bucket's live documents. */
	keys: string[][];
}

/** Refused while an append is under way; the projection tries again next round. */
export class LogBusyError extends Errors.MoleculerRetryableError {
	constructor() {
		super("The master log is being written; ask again shortly.", 503, "SYNC_BUSY");
	}
}

export class MasterDigests {
	private readonly snapshots = new Map<string, Snapshot>();

	constructor(private readonly log: ChangeLog) {}

	async digest(kinds: EntityKind[]): Promise<Digest> {
		const snapshot = await this.snapshot(kinds);
		return { epoch: await this.log.epoch(), head: snapshot.head, buckets: snapshot.digests };
	}

	async bucket(kinds: EntityKind[], bucket: number): Promise<Bucket> {
		const snapshot = await this.snapshot(kinds);
		const changes = await this.log.latestLive(snapshot.keys[bucket] ?? []);
		if (!(await this.log.isStableAt(snapshot.head))) throw new LogBusyError();
		return { epoch: await this.log.epoch(), head: snapshot.head, bucket, changes };
	}

	/** The digests of the log at its head, read anew only when the head has moved. */
	private async snapshot(kinds: EntityKind[]): Promise<Snapshot> {
		const name = [...kinds].sort().join(",");
		const head = await this.log.head();
		const known = this.snapshots.get(name);
		if (known?.head === head && !this.log.isAppending()) return known;
		if (this.log.isAppending()) throw new LogBusyError();
		const versions = await this.log.liveVersions(kinds);
		if (!(await this.log.isStableAt(head))) throw new LogBusyError();
		const keys: string[][] = Array.from({ length: DIGEST_BUCKETS }, () => []);
		for (const version of versions) keys[bucketOf(version.id)].push(version.key);
		const snapshot = { head, digests: bucketDigests(versions), keys };
		this.snapshots.set(name, snapshot);
		return snapshot;
	}
}
