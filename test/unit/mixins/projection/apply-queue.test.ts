// The serial task queue: order, failures, stopping with patience, and the watchdog.
import { ApplyQueue, type ApplyQueueHooks } from "../../../../mixins/projection/apply-queue";

const sleep = (ms: number) => new Promise<void>(done => setTimeout(done, ms));

function recordingHooks(): ApplyQueueHooks & {
	failures: unknown[];
	slows: number;
	durations: number[];
} {
	const hooks = {
		failures: [] as unknown[],
		slows: 0,
		durations: [] as number[],
		slow: () => void hooks.slows++,
		failed: (err: unknown) => void hooks.failures.push(err),
		done: (ms: number) => void hooks.durations.push(ms),
	};
	return hooks;
}

test("when tasks of different lengths are queued, then they run one at a time in the order queued", async () => {
	const queue = new ApplyQueue(recordingHooks());
	const log: string[] = [];
	const task = (name: string, ms: number) => async () => {
		log.push(`${name} start`);
		await sleep(ms);
		log.push(`${name} end`);
	};
	void queue.enqueue(task("a", 30));
	void queue.enqueue(task("b", 1));
	await queue.enqueue(task("c", 10));
	expect(log).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
});

test("when a task fails, then the failure is reported, its promise resolves, and the next task still runs", async () => {
	const hooks = recordingHooks();
	const queue = new ApplyQueue(hooks);
	const boom = new Error("boom");
	const ran: string[] = [];
	const failed = queue.enqueue(async () => {
		throw boom;
	});
	await expect(failed).resolves.toBeUndefined();
	await queue.enqueue(async () => void ran.push("after"));
	expect(hooks.failures).toEqual([boom]);
	expect(ran).toEqual(["after"]);
	expect(hooks.durations).toHaveLength(2);
});

test("when the queue stops, then the task under way finishes and the waiting ones are skipped", async () => {
	const queue = new ApplyQueue(recordingHooks());
	const ran: string[] = [];
	let started: () => void = () => undefined;
	const underWay = new Promise<void>(done => (started = done));
	void queue.enqueue(async () => {
		started();
		await sleep(20);
		ran.push("under way");
	});
	void queue.enqueue(async () => void ran.push("waiting"));
	await underWay;
	expect(await queue.stop(1_000)).toBe(true);
	expect(queue.isStopping).toBe(true);
	await queue.enqueue(async () => void ran.push("after stop"));
	expect(ran).toEqual(["under way"]);
});

test("when the task under way outlasts the patience, then stop gives up waiting for it", async () => {
	const queue = new ApplyQueue(recordingHooks());
	let started: () => void = () => undefined;
	const underWay = new Promise<void>(done => (started = done));
	void queue.enqueue(async () => {
		started();
		await sleep(500);
	});
	await underWay;
	const stopAt = Date.now();
	expect(await queue.stop(30)).toBe(false);
	expect(Date.now() - stopAt).toBeLessThan(400);
});

test("when a task runs longer than the watchdog's time, then it is reported as slow once; a quick one is not", async () => {
	const hooks = recordingHooks();
	const queue = new ApplyQueue(hooks, 20);
	await queue.enqueue(() => sleep(1));
	expect(hooks.slows).toBe(0);
	await queue.enqueue(() => sleep(60));
	expect(hooks.slows).toBe(1);
});
