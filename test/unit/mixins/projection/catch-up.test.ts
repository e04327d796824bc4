// Catch-up scheduling (settle delay, interval, coalescing) and the feed-reading loop.
import type { Change, SyncChangesResult } from "../../../../contracts";
import { ApplyQueue } from "../../../../mixins/projection/apply-queue";
import {
	CatchUpScheduler,
	isSyncAway,
	readFeedToHead,
	type Timers,
} from "../../../../mixins/projection/catch-up";
import type { Position } from "../../../../mixins/projection/epoch";

/** Timers that fire only when the test says so. */
class ManualTimers implements Timers {
	readonly timeouts = new Map<number, { run: () => void; ms: number }>();
	readonly intervals = new Map<number, { run: () => void; ms: number }>();
	private next = 0;

	setTimeout(run: () => void, ms: number): unknown {
		this.timeouts.set(++this.next, { run, ms });
		return this.next;
	}
	clearTimeout(handle: unknown): void {
		this.timeouts.delete(handle as number);
	}
	setInterval(run: () => void, ms: number): unknown {
		this.intervals.set(++this.next, { run, ms });
		return this.next;
	}
	clearInterval(handle: unknown): void {
		this.intervals.delete(handle as number);
	}
	/** Fires every pending timeout once. */
	elapse(): void {
		const due = [...this.timeouts.values()];
		this.timeouts.clear();
		for (const timeout of due) timeout.run();
	}
	/** Fires every interval once. */
	tick(): void {
		for (const interval of this.intervals.values()) interval.run();
	}
}

/** A scheduler on a real queue with manual timers; `hold()` makes the next catch-up wait for `release()`. */
function setUp(applies = () => true) {
	const timers = new ManualTimers();
	const queue = new ApplyQueue({ slow: () => undefined, failed: () => undefined });
	let runs = 0;
	let gate: Promise<void> = Promise.resolve();
	let release: () => void = () => undefined;
	const scheduler = new CatchUpScheduler({
		settleMs: 1_500,
		intervalMs: 5_000,
		applies,
		enqueue: task => queue.enqueue(task),
		catchUp: () => {
			runs++;
			return gate;
		},
		timers,
	});
	return {
		timers,
		scheduler,
		runs: () => runs,
		hold: () => (gate = new Promise<void>(done => (release = done))),
		release: () => {
			gate = Promise.resolve();
			release();
		},
		/** Waits until everything queued so far has run. */
		idle: () => queue.enqueue(async () => undefined),
	};
}

const turn = () => new Promise<void>(done => setImmediate(done));

describe("CatchUpScheduler", () => {
	test("when started, then it waits the settle time and the interval with the timers it was given", () => {
		const { timers, scheduler } = setUp();
		scheduler.start();
		expect([...timers.timeouts.values()].map(t => t.ms)).toEqual([1_500]);
		expect([...timers.intervals.values()].map(t => t.ms)).toEqual([5_000]);
	});

	test("when requests come before the settle time, then none runs; its end runs exactly one", async () => {
		const { timers, scheduler, runs, idle } = setUp();
		scheduler.start();
		scheduler.request();
		scheduler.request();
		await turn();
		expect(runs()).toBe(0);
		timers.elapse();
		await idle();
		expect(runs()).toBe(1);
	});

	test("when many requests come while one catch-up waits in the queue, then they coalesce into it", async () => {
		const { timers, scheduler, runs, idle } = setUp();
		scheduler.start();
		timers.elapse(); // settled, and its own catch-up is queued
		for (let i = 0; i < 10; i++) scheduler.request();
		timers.tick();
		await idle();
		expect(runs()).toBe(1);
	});

	test("when a request comes while a catch-up runs, then exactly one more follows it", async () => {
		const { timers, scheduler, runs, hold, release, idle } = setUp();
		hold();
		scheduler.start();
		timers.elapse();
		await turn();
		expect(runs()).toBe(1); // running, not finished
		scheduler.request();
		scheduler.request();
		release();
		await idle();
		expect(runs()).toBe(2);
	});

	test("when the interval fires, then it requests a catch-up", async () => {
		const { timers, scheduler, runs, idle } = setUp();
		scheduler.start();
		timers.elapse();
		await idle();
		timers.tick();
		await idle();
		timers.tick();
		await idle();
		expect(runs()).toBe(3);
	});

	test("when another replica applies, then requests do nothing", async () => {
		const { timers, scheduler, runs, idle } = setUp(() => false);
		scheduler.start();
		timers.elapse();
		timers.tick();
		scheduler.request();
		await idle();
		expect(runs()).toBe(0);
	});

	test("when stopped, then both timers are cleared", () => {
		const { timers, scheduler } = setUp();
		scheduler.start();
		scheduler.stop();
		expect(timers.timeouts.size + timers.intervals.size).toBe(0);
	});
});

/** A feed over a list of changes, read `pageSize` at a time, in epoch `epoch` (which a test may change). */
function fakeFeed(changes: Change[], pageSize: number, start: Position, keepGoing = () => true) {
	const state = {
		...start,
		epoch: start.epoch,
		feedEpoch: "e1",
		reads: [] as number[],
		applied: [] as number[],
		rebuilds: [] as string[],
	};
	const head = changes.length === 0 ? 0 : changes[changes.length - 1].seq;
	const feed = {
		readPage: async (since: number): Promise<SyncChangesResult> => {
			state.reads.push(since);
			const page = changes.filter(c => c.seq > since).slice(0, pageSize);
			return {
				changes: page,
				lastSeq: page.length ? page[page.length - 1].seq : head,
				head,
				epoch: state.feedEpoch,
			};
		},
		position: () => ({ checkpoint: state.checkpoint, epoch: state.epoch }),
		rebuild: async (epoch: string) => {
			state.rebuilds.push(epoch);
			state.checkpoint = 0;
			state.epoch = epoch;
		},
		applyPage: async (page: SyncChangesResult) => {
			state.epoch = page.epoch;
			state.applied.push(...page.changes.map(c => c.seq));
			state.checkpoint = page.lastSeq;
		},
		keepGoing,
	};
	return { feed, state };
}

const log = (n: number): Change[] =>
	Array.from({ length: n }, (_, i) => ({
		seq: i + 1,
		kind: "team",
		id: `t${i + 1}`,
		deleted: true,
	}));

describe("readFeedToHead", () => {
	test("when the feed is ahead, then it reads page after page from the checkpoint until the head", async () => {
		const { feed, state } = fakeFeed(log(7), 3, { checkpoint: 1, epoch: "e1" });
		await readFeedToHead(feed);
		expect(state.reads).toEqual([1, 4]);
		expect(state.applied).toEqual([2, 3, 4, 5, 6, 7]);
		expect(state.checkpoint).toBe(7);
	});

	test("when the replica should stop reading, then it stops after the page under way", async () => {
		const { feed, state } = fakeFeed(log(9), 3, { checkpoint: 0, epoch: "e1" }, () => false);
		await readFeedToHead(feed);
		expect(state.reads).toEqual([0]);
		expect(state.checkpoint).toBe(3);
	});

	test("when the feed has a new epoch, then it rebuilds once and reads the new log from seq 0", async () => {
		const { feed, state } = fakeFeed(log(4), 10, { checkpoint: 50, epoch: "e0" });
		await readFeedToHead(feed);
		expect(state.rebuilds).toEqual(["e1"]);
		expect(state.reads).toEqual([50, 0]);
		expect(state.applied).toEqual([1, 2, 3, 4]);
		expect(state.epoch).toBe("e1");
	});

	test("when nothing was read yet (no epoch), then the first page sets the epoch without a rebuild", async () => {
		const { feed, state } = fakeFeed(log(2), 10, { checkpoint: 0, epoch: null });
		await readFeedToHead(feed);
		expect(state.rebuilds).toEqual([]);
		expect(state.epoch).toBe("e1");
	});
});

test("isSyncAway: an unreachable or slow sync is waited out; anything else is an error", () => {
	const named = (name: string) => Object.assign(new Error(name), { name });
	expect(
		["ServiceNotFoundError", "ServiceNotAvailableError", "RequestTimeoutError"].map(n =>
			isSyncAway(named(n)),
		),
	).toEqual([true, true, true]);
	expect(isSyncAway(named("ValidationError"))).toBe(false);
	expect(isSyncAway(undefined)).toBe(false);
});
