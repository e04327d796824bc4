// The serial task queue of a projection: one task at a time, so changes apply in log order.

/** What the queue tells its owner (its logger, in the mixin). */
export interface ApplyQueueHooks {
	/** A task has run for the watchdog's time and is still going. */
	slow(): void;
	/** A task threw; the queue goes on with the next one. */
	failed(err: unknown): void;
	/** A task finished (or failed) after `ms`. */
	done?(ms: number): void;
}

/** How long a task may run before the watchdog reports it. */
export const WATCHDOG_MS = 30_000;

/** Runs queued tasks one at a time, in the order they were queued; once stopping, it skips those not started. */
export class ApplyQueue {
	private tail: Promise<void> = Promise.resolve();
	private stopping = false;

	constructor(
		private readonly hooks: ApplyQueueHooks,
		private readonly watchdogMs = WATCHDOG_MS,
	) {}

	/** True once `stop` was called: tasks not yet started are skipped. */
	get isStopping(): boolean {
		return this.stopping;
	}

	/**
	 * Queues a task. The promise settles when the task has run, failed or been skipped; it
	 * never rejects: a failure goes to `hooks.failed`, and the queue goes on.
	 */
	enqueue(task: () => Promise<void>): Promise<void> {
		const run = this.tail.then(() => (this.stopping ? undefined : this.watched(task)));
		this.tail = run.catch(err => this.hooks.failed(err));
		return this.tail;
	}

	/**
	 * Stops the queue: what waits is skipped, and the task under way gets up to `patienceMs`.
	 * Resolves true if the queue drained in time, false if it gave up waiting.
	 */
	async stop(patienceMs: number): Promise<boolean> {
		this.stopping = true;
		let timer: NodeJS.Timeout | undefined;
		const patience = new Promise<boolean>(
			done => (timer = setTimeout(() => done(false), patienceMs)),
		);
		try {
			return await Promise.race([this.tail.then(() => true), patience]);
		} finally {
			clearTimeout(timer);
		}
	}

	private async watched(task: () => Promise<void>): Promise<void> {
		const started = Date.now();
		const watchdog = setTimeout(() => this.hooks.slow(), this.watchdogMs);
		try {
			await task();
		} finally {
			clearTimeout(watchdog);
			this.hooks.done?.(Date.now() - started);
		}
	}
}
