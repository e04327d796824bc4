// The stored checkpoint: its document, and reading it back.
import { openMemoryCollection } from "../../../../mixins/db.mixin";
import { readCheckpoint, saveCheckpoint } from "../../../../mixins/projection/checkpoint";

test("when nothing was saved, then the position is seq 0 with no epoch", async () => {
	expect(await readCheckpoint(await openMemoryCollection())).toEqual({
		checkpoint: 0,
		epoch: null,
	});
});

test("a saved position is the `checkpoint` document with `value` and `epoch`, and reads back as saved", async () => {
	const meta = await openMemoryCollection();
	await saveCheckpoint(meta, { checkpoint: 42, epoch: "e7" });
	await saveCheckpoint(meta, { checkpoint: 43, epoch: "e7" });
	expect(await meta.findById("checkpoint")).toMatchObject({
		_id: "checkpoint",
		value: 43,
		epoch: "e7",
	});
	expect(await readCheckpoint(meta)).toEqual({ checkpoint: 43, epoch: "e7" });
});

test("a document without an epoch (written before epochs existed) reads as no epoch", async () => {
	const meta = await openMemoryCollection();
	await meta.put({ _id: "checkpoint", value: 9 });
	expect(await readCheckpoint(meta)).toEqual({ checkpoint: 9, epoch: null });
});
