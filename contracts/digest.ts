// Anti-entropy's common ground: how sync and a projection each summarise the documents they
// hold, so that comparing a few short hashes tells whether they agree, and where not.
//
// Documents are spread over buckets by a hash of their id. A bucket's digest is a hash of its
// documents' (id, seq) pairs, sorted: two sides that hold the same versions of the same documents
// get the same digests, and a bucket that differs names the few hundred documents to look at,
// never the whole collection. Tombstones take no part: a deleted document and one never seen
// read the same to a client.
//
// A version number says nothing of a view edited in place, so each view also carries a checksum
// of what a client sees (its fields without a leading `_`), written with it. A view whose checksum
// no longer matches counts with seq -1, which no master document has: its bucket differs.
import { createHash } from "node:crypto";
import { canonicalJson } from "./signing";

/** How many buckets documents are spread over: a differing bucket holds about 1/64 of them. */
export const DIGEST_BUCKETS = 64;

/** The stored field that holds a view's checksum. */
export const CHECKSUM_FIELD = "_check";

/** One document as the digest sees it. */
export interface DigestEntry {
	id: string;
	seq: number;
}

/** The bucket a document's id falls in. */
export function bucketOf(id: string, buckets = DIGEST_BUCKETS): number {
	return createHash("sha1").update(id).digest().readUInt32BE(0) % buckets;
}

/** The digest of every bucket, in bucket order. */
export function bucketDigests(entries: Iterable<DigestEntry>, buckets = DIGEST_BUCKETS): string[] {
	const lines: string[][] = Array.from({ length: buckets }, () => []);
	for (const entry of entries)
		lines[bucketOf(entry.id, buckets)].push(`${entry.id}:${entry.seq}`);
	return lines.map(bucket =>
		createHash("sha1").update(bucket.sort().join("\n")).digest("base64url").slice(0, 16),
	);
}

/** The buckets whose digests differ. */
export function differingBuckets(ours: readonly string[], theirs: readonly string[]): number[] {
	const differing: number[] = [];
	for (let i = 0; i < Math.max(ours.length, theirs.length); i++)
		if (ours[i] !== theirs[i]) differing.push(i);
	return differing;
}

/** The checksum of what a client sees of a view: its fields without a leading `_`. */
export function viewChecksum(view: Record<string, unknown>): string {
	const visible = Object.fromEntries(
		Object.entries(view).filter(([key]) => !key.startsWith("_")),
	);
	return createHash("sha1").update(canonicalJson(visible)).digest("base64url").slice(0, 16);
}
