// Master data only from sync: sync signs every slice it publishes (`master.changed`) and every
// page of its feed with an Ed25519 key that only its nodes hold; consumers verify with the public
// key before anything else. A slice's envelope (epoch, from, to) is signed with its changes, so a
// forged slice can neither edit a document nor move a checkpoint. The signed bytes are a
// canonical JSON (keys sorted), so they do not depend on the serializer or on key order.
import {
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	type KeyObject,
	sign,
	verify,
} from "node:crypto";
import type { Change } from "./events";

/** Deterministic JSON: object keys sorted, no whitespace; what sync signs and consumers check. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
	if (Array.isArray(value))
		return `[${value.map(item => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, item]) => item !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

/** What a `master.changed` slice's signature covers. */
export interface SliceContent {
	schemaVersion: number;
	epoch: string;
	from: number;
	to: number;
	changes: Change[];
}

/** What a feed page's signature covers: the page and the request it answers (`since`, `kinds`). */
export interface PageContent {
	epoch: string;
	since: number;
	kinds: string[] | null;
	lastSeq: number;
	head: number;
	changes: Change[];
}

function sliceBytes(slice: SliceContent): Buffer {
	const { schemaVersion, epoch, from, to, changes } = slice;
	return Buffer.from(canonicalJson({ kind: "slice", schemaVersion, epoch, from, to, changes }));
}

function pageBytes(page: PageContent): Buffer {
	const { epoch, since, kinds, lastSeq, head, changes } = page;
	return Buffer.from(
		canonicalJson({ kind: "page", epoch, since, kinds, lastSeq, head, changes }),
	);
}

/** What a digest answer's signature covers: the bucket digests and the kinds asked for. */
export interface DigestContent {
	epoch: string;
	head: number;
	kinds: string[] | null;
	buckets: string[];
}

/** What a bucket answer's signature covers: the bucket's live documents and the request. */
export interface BucketContent {
	epoch: string;
	head: number;
	kinds: string[] | null;
	bucket: number;
	changes: Change[];
}

function digestBytes(answer: DigestContent): Buffer {
	const { epoch, head, kinds, buckets } = answer;
	return Buffer.from(canonicalJson({ kind: "digest", epoch, head, kinds, buckets }));
}

function bucketBytes(answer: BucketContent): Buffer {
	const { epoch, head, kinds, bucket, changes } = answer;
	return Buffer.from(canonicalJson({ kind: "bucket", epoch, head, kinds, bucket, changes }));
}

/** Sync's signature of a slice, base64. */
export function signSlice(key: KeyObject, slice: SliceContent): string {
	return sign(null, sliceBytes(slice), key).toString("base64");
}

export function signPage(key: KeyObject, page: PageContent): string {
	return sign(null, pageBytes(page), key).toString("base64");
}

export function signDigest(key: KeyObject, answer: DigestContent): string {
	return sign(null, digestBytes(answer), key).toString("base64");
}

export function signBucket(key: KeyObject, answer: BucketContent): string {
	return sign(null, bucketBytes(answer), key).toString("base64");
}

function verified(key: KeyObject, bytes: Buffer, signature: unknown): boolean {
	if (typeof signature !== "string" || signature.length === 0) return false;
	try {
		return verify(null, bytes, key, Buffer.from(signature, "base64"));
	} catch {
		return false;
	}
}

/** Whether `signature` is sync's over this slice. A missing or malformed signature is not. */
export function verifySlice(key: KeyObject, slice: SliceContent, signature: unknown): boolean {
	return verified(key, sliceBytes(slice), signature);
}

export function verifyPage(key: KeyObject, page: PageContent, signature: unknown): boolean {
	return verified(key, pageBytes(page), signature);
}

export function verifyDigest(key: KeyObject, answer: DigestContent, signature: unknown): boolean {
	return verified(key, digestBytes(answer), signature);
}

export function verifyBucket(key: KeyObject, answer: BucketContent, signature: unknown): boolean {
	return verified(key, bucketBytes(answer), signature);
}

/** A key from configuration: PEM text, or base64 of its DER (PKCS#8 private, SPKI public). */
export function privateKeyFrom(text: string): KeyObject {
	return text.includes("-----BEGIN")
		? createPrivateKey(text)
		: createPrivateKey({ key: Buffer.from(text, "base64"), format: "der", type: "pkcs8" });
}

export function publicKeyFrom(text: string): KeyObject {
	return text.includes("-----BEGIN")
		? createPublicKey(text)
		: createPublicKey({ key: Buffer.from(text, "base64"), format: "der", type: "spki" });
}

/** A new Ed25519 pair as configuration text (base64 DER): for `npm start`, `npm run cluster`, tests and `npm run keys`. */
export function newSigningKeys(): { privateKey: string; publicKey: string } {
	const { privateKey, publicKey } = generateKeyPairSync("ed25519");
	return {
		privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
		publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
	};
}

/** The public half of a private key given as configuration text, as configuration text. */
export function publicKeyTextOf(privateText: string): string {
	return createPublicKey(privateKeyFrom(privateText))
		.export({ format: "der", type: "spki" })
		.toString("base64");
}
