// The change feed: sync's one action, which every projection reads from. Internal: it declares
// no HTTP route, so the gateway never serves it.
//
// It reads the master log three ways, all signed by sync (contracts/signing.ts):
// - the changes after `since` (the default): how projections follow the log;
// - `digest: true`: a digest of each bucket of the live documents (contracts/digest.ts), for
//   anti-entropy to find where a projection has drifted;
// - `bucket: N`: the live documents of one bucket, to repair the ones that differ.
import type { CallingOptions } from "moleculer";
import { ENTITY_KINDS, type EntityKind } from "../domain/model";
import { DIGEST_BUCKETS } from "./digest";
import type { Change } from "./events";
import type { CallParams, HandlerParams } from "./params";

/** The full name of the feed action (sync v1's `changes`). */
export const FEED_ACTION = "v1.sync.changes";
/** The feed's service, as consumers and the gateway's readiness name it. */
export const FEED_SERVICE = "v1.sync";

export const MAX_FEED_PAGE = 1000;

export const syncChangesParams = {
	$$strict: true,
	since: { type: "number", integer: true, min: 0, convert: true, optional: true, default: 0 },
	limit: {
		type: "number",
		integer: true,
		min: 1,
		max: MAX_FEED_PAGE,
		convert: true,
		optional: true,
		default: 500,
	},
	kinds: { type: "array", items: { type: "enum", values: ENTITY_KINDS }, optional: true },
	/** Who asks: sync records `since` as that consumer's checkpoint, for the operator view. */
	consumer: { type: "string", min: 1, max: 100, optional: true },
	/** Answer the digest of each bucket of live documents instead of changes. */
	digest: { type: "boolean", optional: true },
	/** Answer the live documents of this bucket instead of changes. */
	bucket: { type: "number", integer: true, min: 0, max: DIGEST_BUCKETS - 1, optional: true },
} as const;

export type SyncChangesParams = HandlerParams<typeof syncChangesParams>;

/** A page of the change feed: changes in seq order, up to `lastSeq`; `head` is the newest committed seq. */
export interface SyncChangesResult {
	changes: Change[];
	lastSeq: number;
	head: number;
	/** Names the log; when it changes, the log was reset and projections rebuild from seq 0. */
	epoch: string;
	/** Sync's signature of the page and of the request it answers (contracts/signing.ts). */
	signature?: string;
}

/** The feed's answer to `digest: true`: one digest per bucket of the live documents of `kinds`, at `head`. */
export interface SyncDigestResult {
	epoch: string;
	head: number;
	buckets: string[];
	signature?: string;
}

/** The feed's answer to `bucket: N`: the latest change of every live document of `kinds` in that bucket, at `head`. */
export interface SyncBucketResult {
	epoch: string;
	head: number;
	bucket: number;
	changes: Change[];
	signature?: string;
}

interface Caller {
	call(action: string, params?: unknown, opts?: CallingOptions): Promise<unknown>;
}

/** Reads a page of the feed, typed. */
export function readFeed(
	caller: Caller,
	params: CallParams<typeof syncChangesParams> & { kinds?: EntityKind[] },
	opts?: CallingOptions,
): Promise<SyncChangesResult> {
	return caller.call(FEED_ACTION, params, opts) as Promise<SyncChangesResult>;
}

/**
 * Anti-entropy's calls: never retried (a round that fails is simply the next round's to do, and
 * retrying a scan of the whole log multiplies the load it is slow under), with time for that scan.
 */
const AUDIT_CALL: CallingOptions = { retries: 0, timeout: 60_000 };

/** The digest of each bucket of the live documents of these kinds. */
export function readDigest(
	caller: Caller,
	kinds: EntityKind[],
	opts?: CallingOptions,
): Promise<SyncDigestResult> {
	return caller.call(
		FEED_ACTION,
		{ digest: true, kinds },
		{ ...AUDIT_CALL, ...opts },
	) as Promise<SyncDigestResult>;
}

/** The live documents of these kinds in one bucket. */
export function readBucket(
	caller: Caller,
	kinds: EntityKind[],
	bucket: number,
	opts?: CallingOptions,
): Promise<SyncBucketResult> {
	return caller.call(
		FEED_ACTION,
		{ bucket, kinds },
		{ ...AUDIT_CALL, ...opts },
	) as Promise<SyncBucketResult>;
}
