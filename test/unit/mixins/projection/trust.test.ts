// Which slices and pages a projection takes as sync's: signed by one of the keys it accepts
// (two while sync's key is rotated), with nothing changed after signing.
import {
	newSigningKeys,
	privateKeyFrom,
	publicKeyFrom,
	signPage,
	signSlice,
	type MasterChangedPayload,
	type SyncChangesResult,
} from "../../../../contracts";
import { isSyncsPage, isSyncsSlice } from "../../../../mixins/projection/trust";

const [old, next, stranger] = [newSigningKeys(), newSigningKeys(), newSigningKeys()];
const accepted = [publicKeyFrom(old.publicKey), publicKeyFrom(next.publicKey)];
const slice = {
	schemaVersion: 1 as const,
	epoch: "e1",
	from: 0,
	to: 1,
	changes: [{ seq: 1, kind: "team" as const, id: "t1", deleted: true }],
};
const signedBy = (privateKey: string): MasterChangedPayload => ({
	...slice,
	signature: signSlice(privateKeyFrom(privateKey), slice),
});

test("a slice signed by any accepted key is sync's; by another key, or unsigned, it is not", () => {
	expect(isSyncsSlice(accepted, signedBy(old.privateKey))).toBe(true);
	expect(isSyncsSlice(accepted, signedBy(next.privateKey))).toBe(true);
	expect(isSyncsSlice(accepted, signedBy(stranger.privateKey))).toBe(false);
	expect(isSyncsSlice(accepted, slice)).toBe(false);
	expect(isSyncsSlice([], signedBy(old.privateKey))).toBe(false);
});

test("a page is sync's only as the answer to the request that was made", () => {
	const page = { changes: slice.changes, lastSeq: 1, head: 1, epoch: "e1" };
	const signed: SyncChangesResult = {
		...page,
		signature: signPage(privateKeyFrom(next.privateKey), {
			...page,
			since: 0,
			kinds: ["team"],
		}),
	};
	expect(isSyncsPage(accepted, signed, 0, ["team"])).toBe(true);
	expect(isSyncsPage(accepted, signed, 0, ["team", "player"])).toBe(false);
	expect(isSyncsPage(accepted, { ...signed, head: 2 }, 0, ["team"])).toBe(false);
});
