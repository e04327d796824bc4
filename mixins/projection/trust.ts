// Master data only from sync: a projection applies a slice or a feed page only when sync's key
// signed it (contracts/signing.ts). What fails is logged with who sent it, counted in
// `matchday.projection.rejected`, and changes nothing: no document, no checkpoint.
import type { KeyObject } from "node:crypto";
import type { ServiceBroker } from "moleculer";
import {
	type MasterChangedPayload,
	PROJECTION_METRICS,
	type SyncBucketResult,
	type SyncChangesResult,
	type SyncDigestResult,
	verifyBucket,
	verifyDigest,
	verifyPage,
	verifySlice,
} from "../../contracts";

/** A feed page that sync's key did not sign: the catch-up stops there and tries again later. */
export class UntrustedPageError extends Error {
	constructor(readonly sender: string) {
		super(`A feed page from node ${sender} is not signed by sync's key`);
		this.name = "UntrustedPageError";
	}
}

/** Registers the rejection counter, once per broker. */
export function registerTrustMetrics(broker: ServiceBroker): void {
	if (!broker.isMetricsEnabled() || broker.metrics.getMetric(PROJECTION_METRICS.rejected)) return;
	broker.metrics.register({
		type: "counter",
		name: PROJECTION_METRICS.rejected,
		description: "master.changed slices and feed pages refused: not signed by sync's key",
		labelNames: ["consumer", "what"],
	});
}

export function countRejection(
	broker: ServiceBroker,
	consumer: string,
	what: "slice" | "page" | "digest",
): void {
	if (broker.isMetricsEnabled())
		broker.metrics.increment(PROJECTION_METRICS.rejected, { consumer, what });
}

/** Whether a `master.changed` payload is sync's (any of its keys), envelope and changes alike. */
export function isSyncsSlice(keys: readonly KeyObject[], payload: MasterChangedPayload): boolean {
	return keys.some(key => verifySlice(key, payload, payload.signature));
}

/** Whether a feed page is sync's answer to this very request (`since`, `kinds`). */
export function isSyncsPage(
	keys: readonly KeyObject[],
	page: SyncChangesResult,
	since: number,
	kinds: string[],
): boolean {
	const { epoch, lastSeq, head, changes, signature } = page;
	return keys.some(key =>
		verifyPage(key, { epoch, since, kinds, lastSeq, head, changes }, signature),
	);
}

/** Whether a digest answer is sync's answer for these kinds. */
export function isSyncsDigest(
	keys: readonly KeyObject[],
	answer: SyncDigestResult,
	kinds: string[],
): boolean {
	const { epoch, head, buckets, signature } = answer;
	return keys.some(key => verifyDigest(key, { epoch, head, kinds, buckets }, signature));
}

/** Whether a bucket answer is sync's answer for these kinds and this bucket. */
export function isSyncsBucket(
	keys: readonly KeyObject[],
	answer: SyncBucketResult,
	kinds: string[],
	bucket: number,
): boolean {
	const { epoch, head, changes, signature } = answer;
	return keys.some(key => verifyBucket(key, { epoch, head, kinds, bucket, changes }, signature));
}
