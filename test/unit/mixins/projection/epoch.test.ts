// What an incoming slice or feed page means, given the checkpoint and the epoch.
import type { Change, MasterChangedPayload } from "../../../../contracts";
import {
	decidePage,
	decideSlice,
	freshChanges,
	type Position,
} from "../../../../mixins/projection/epoch";

const player = (seq: number, id = `p${seq}`): Change => ({
	seq,
	kind: "player",
	id,
	deleted: true,
});
const team = (seq: number): Change => ({ seq, kind: "team", id: `t${seq}`, deleted: true });

function slice(from: number, to: number, changes: Change[], epoch = "e1"): MasterChangedPayload {
	return { schemaVersion: 1, epoch, from, to, changes };
}

const at10: Position = { checkpoint: 10, epoch: "e1" };
const players = new Set(["player"] as const);

describe("decideSlice", () => {
	test("when the slice starts at the checkpoint, then its changes of our kinds apply up to its end", () => {
		expect(decideSlice(at10, slice(10, 12, [player(11), team(12)]), players)).toEqual({
			action: "apply",
			changes: [player(11)],
			upTo: 12,
		});
	});

	test("when the slice overlaps the checkpoint, then it applies (what is old in it is dropped later)", () => {
		expect(decideSlice(at10, slice(8, 12, [player(9), player(11)]), players)).toEqual({
			action: "apply",
			changes: [player(9), player(11)],
			upTo: 12,
		});
	});

	test("when a slice of only other kinds arrives, then it still moves the checkpoint", () => {
		expect(decideSlice(at10, slice(10, 11, [team(11)]), players)).toEqual({
			action: "apply",
			changes: [],
			upTo: 11,
		});
	});

	test("when the slice starts past the checkpoint, then it is a gap and the feed must fill it", () => {
		expect(decideSlice(at10, slice(11, 13, [player(12), player(13)]), players)).toEqual({
			action: "catch-up",
			reason: "gap",
		});
	});

	test("when the slice ends at or before the checkpoint, then it is a duplicate", () => {
		expect(decideSlice(at10, slice(8, 10, [player(9), player(10)]), players)).toEqual({
			action: "duplicate",
		});
		expect(decideSlice(at10, slice(2, 3, [player(3)]), players)).toEqual({
			action: "duplicate",
		});
	});

	test("when the slice comes from another epoch, then it asks for a catch-up, even if its seqs fit", () => {
		expect(decideSlice(at10, slice(10, 11, [player(11)], "e2"), players)).toEqual({
			action: "catch-up",
			reason: "unknown epoch",
		});
	});

	test("when no feed page has been read yet (no epoch), then any slice asks for a catch-up", () => {
		expect(
			decideSlice({ checkpoint: 0, epoch: null }, slice(0, 1, [player(1)]), players),
		).toEqual({ action: "catch-up", reason: "unknown epoch" });
	});
});

describe("decidePage", () => {
	test("when the page continues the epoch we know, then it applies", () => {
		expect(decidePage(at10, "e1")).toEqual({ action: "apply" });
	});

	test("when the page is of another epoch, then the projection rebuilds in that one", () => {
		expect(decidePage(at10, "e2")).toEqual({ action: "rebuild", epoch: "e2" });
	});

	test("when no epoch is known yet, then the first page sets it without a rebuild", () => {
		expect(decidePage({ checkpoint: 0, epoch: null }, "e2")).toEqual({ action: "apply" });
	});
});

describe("freshChanges", () => {
	test("keeps the changes past the checkpoint, in seq order", () => {
		expect(
			freshChanges([player(13), player(9), player(11), player(10)], 10).map(c => c.seq),
		).toEqual([11, 13]);
	});
});
