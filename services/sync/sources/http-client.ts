// The one way a source downloads: a GET with a deadline, retried with exponential back-off on
// what a later try can fix (no answer, 5xx, 408, 429), waiting as long as the server asks
// (Retry-After, football-data's X-RequestCounter-Reset) and never sending a request a
// server's budget says it has no room for (X-Requests-Available-Minute: 0).

export interface RetryPolicy {
	/** Tries after the first. */
	retries: number;
	/** The first back-off (ms); each next one doubles. */
	retryDelay: number;
	/** How long one request may take (ms). */
	timeout: number;
}

/** A download that failed for good: the import it belonged to does not happen. */
export class SourceError extends Error {
	constructor(
		message: string,
		readonly status: number | null = null,
	) {
		super(message);
		this.name = "SourceError";
	}
}

/** The longest wait a server's header can ask for (ms): a wrong header must not park sync for a day. */
const LONGEST_WAIT = 120_000;

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** Seconds from a header (Retry-After as seconds or a date, X-RequestCounter-Reset), in ms; null if absent or bad. */
export function waitAsked(headers: Headers, now = Date.now()): number | null {
	for (const name of ["retry-after", "x-requestcounter-reset"]) {
		const raw = headers.get(name)?.trim();
		if (!raw) continue;
		const seconds = Number(raw);
		if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, LONGEST_WAIT);
		const at = Date.parse(raw);
		if (!Number.isNaN(at)) return Math.min(Math.max(0, at - now), LONGEST_WAIT);
	}
	return null;
}

/** The back-off before try `attempt` (1 is the first retry): doubling, with up to a quarter of jitter. */
export function backOff(policy: RetryPolicy, attempt: number, random = Math.random): number {
	const base = policy.retryDelay * 2 ** (attempt - 1);
	return Math.round(base * (0.75 + random() * 0.25));
}

const RETRIABLE = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * A server's request budget as its headers tell it: football-data.org answers every request with
 * how many more it takes this minute and when the count starts again. With none left, the
 * next request waits for the reset rather than spend a try on a 429.
 */
export class RequestBudget {
	private left: number | null = null;
	private resetsAt = 0;

	observe(headers: Headers, now = Date.now()): void {
		const left = Number(headers.get("x-requests-available-minute"));
		if (headers.has("x-requests-available-minute") && Number.isFinite(left)) this.left = left;
		const reset = headers.has("x-requestcounter-reset") ? waitAsked(headers, now) : null;
		if (reset !== null) this.resetsAt = now + reset;
	}

	/** How long to wait before the next request (ms). */
	waitBeforeNext(now = Date.now()): number {
		if (this.left === null || this.left > 0) return 0;
		return Math.max(0, this.resetsAt - now);
	}

	/** The next request is on its way: one fewer left until the reset. */
	spend(): void {
		if (this.left !== null && this.left > 0) this.left -= 1;
		else if (this.left === 0) this.left = null; // waited for the reset: the server says anew
	}
}

export interface GetOptions {
	headers?: Record<string, string>;
	policy: RetryPolicy;
	budget?: RequestBudget;
	/** Told of each retry, for the log. */
	onRetry?: (why: string, waitMs: number) => void;
}

/**
 * GETs `url`, retrying what may pass; resolves with the answer (2xx or 304), or throws a
 * SourceError naming the URL and what went wrong.
 */
export async function getWithRetries(url: string, options: GetOptions): Promise<Response> {
	const { policy, budget, onRetry } = options;
	for (let attempt = 0; ; attempt++) {
		const wait = budget?.waitBeforeNext() ?? 0;
		if (wait > 0) {
			onRetry?.(`the request budget is spent until its reset`, wait);
			await sleep(wait);
		}
		budget?.spend();
		let why: string;
		let asked: number | null = null;
		try {
			const response = await fetch(url, {
				headers: options.headers,
				signal: AbortSignal.timeout(policy.timeout),
				redirect: "follow",
			});
			budget?.observe(response.headers);
			if (response.ok || response.status === 304) return response;
			const detail = await problemOf(response);
			if (!RETRIABLE(response.status))
				throw new SourceError(`GET ${url}: ${response.status}${detail}`, response.status);
			why = `${response.status}${detail}`;
			asked = waitAsked(response.headers);
		} catch (err) {
			if (err instanceof SourceError) throw err;
			why =
				(err as Error).name === "TimeoutError"
					? `no answer in ${policy.timeout} ms`
					: (err as Error).message;
		}
		if (attempt >= policy.retries)
			throw new SourceError(`GET ${url}: ${why}, after ${attempt + 1} tries`);
		const pause = asked ?? backOff(policy, attempt + 1);
		onRetry?.(`GET ${url}: ${why}`, pause);
		await sleep(pause);
	}
}

/** What a refusing server said, briefly (football-data answers `{ message, errorCode }`). */
async function problemOf(response: Response): Promise<string> {
	const text = (await response.text().catch(() => "")).slice(0, 300);
	try {
		const body = JSON.parse(text) as { message?: unknown };
		if (typeof body.message === "string") return ` (${body.message})`;
	} catch {
		// not JSON: the text itself
	}
	return text ? ` (${text.replace(/\s+/g, " ").trim().slice(0, 120)})` : "";
}
