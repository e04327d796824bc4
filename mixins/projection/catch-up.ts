// Catching up from the change feed: when to ask (CatchUpScheduler) and how to read it (readFeedToHead).
import type { SyncChangesResult } from "../../contracts";
import { decidePage, type Position } from "./epoch";

/** The timer functions the scheduler uses; tests hand in their own. */
export interface Timers {
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
	setInterval(run: () => void, ms: number): unknown;
	clearInterval(handle: unknown): void;
}

const realTimers: Timers = {
	setTimeout: (run, ms) => setTimeout(run, ms),
	clearTimeout: handle => clearTimeout(handle as NodeJS.Timeout),
	setInterval: (run, ms) => setInterval(run, ms),
	clearInterval: handle => clearInterval(handle as NodeJS.Timeout),
};

export interface CatchUpSchedulerOptions {
	/** How long after start requests are held back; the catch-up at its end covers them all. */
	settleMs: number;
	/** How often a catch-up is requested anyway: events make a projection fast, this makes it sure. */
	intervalMs: number;
	/** Whether this replica catches up now (it is the applier). */
	applies(): boolean;
	/** Queues a task on the projection's serial queue. */
	enqueue(task: () => Promise<void>): Promise<void>;
	/** The catch-up itself. */
	catchUp(): Promise<void>;
	timers?: Timers;
}

/** Decides when a projection catches up: never twice waiting in the queue, never before it settled. */
export class CatchUpScheduler {
	private settled = false;
	private queued = false;
	private settleTimer: unknown;
	private intervalTimer: unknown;
	private readonly timers: Timers;

	constructor(private readonly options: CatchUpSchedulerOptions) {
		this.timers = options.timers ?? realTimers;
	}

	/** Starts the settle timer (its end requests the first catch-up) and the interval. */
	start(): void {
		this.settleTimer = this.timers.setTimeout(() => {
			this.settled = true;
			this.request();
		}, this.options.settleMs);
		this.intervalTimer = this.timers.setInterval(() => this.request(), this.options.intervalMs);
	}

	/** Queues one catch-up, unless one is already waiting, the start has not settled, or another replica applies. */
	request(): void {
		if (!this.settled || this.queued || !this.options.applies()) return;
		this.queued = true;
		void this.options.enqueue(async () => {
			// Cleared as it starts, not as it ends: a request made while it runs may concern
			// changes it has already read past, so that one queues another catch-up.
			this.queued = false;
			await this.options.catchUp();
		});
	}

	/** Stops both timers; requests made afterwards still reach the queue, which skips them once stopping. */
	stop(): void {
		this.timers.clearTimeout(this.settleTimer);
		this.timers.clearInterval(this.intervalTimer);
	}
}

/** What the feed loop needs from the projection. */
export interface FeedReading {
	/** Reads one page of the feed: the changes after `since`. */
	readPage(since: number): Promise<SyncChangesResult>;
	/** Where the projection stands now (rebuilding and applying move it). */
	position(): Position;
	/** Empties the projection to start over in the log's new epoch. */
	rebuild(epoch: string): Promise<void>;
	/** Applies a page and moves the checkpoint to its `lastSeq`, in its epoch. */
	applyPage(page: SyncChangesResult): Promise<void>;
	/** False once this replica should stop reading (it is stopping, or another one applies now). */
	keepGoing(): boolean;
}

/** Reads the feed from the checkpoint until it reaches the head; a new epoch starts it over from seq 0. */
export async function readFeedToHead(feed: FeedReading): Promise<void> {
	for (;;) {
		const page = await feed.readPage(feed.position().checkpoint);
		const decision = decidePage(feed.position(), page.epoch);
		if (decision.action === "rebuild") {
			await feed.rebuild(decision.epoch);
			continue;
		}
		await feed.applyPage(page);
		// A replica that stops here hands over nothing: the next applier starts from our checkpoint.
		if (page.lastSeq >= page.head || !feed.keepGoing()) return;
	}
}

/** Sync is not reachable right now: a state to wait out, not an error. */
export function isSyncAway(err: unknown): boolean {
	const name = (err as Error)?.name;
	return (
		name === "ServiceNotFoundError" ||
		name === "ServiceNotAvailableError" ||
		name === "RequestTimeoutError"
	);
}
