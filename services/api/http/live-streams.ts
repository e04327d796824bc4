// `GET /api/v1/live`: Server-Sent Events, one per change a live event made to a match, with the
// change log's seq as the event's id. The gateway reads the changes from v1.live (its one action,
// `since`) and never from the bus's events themselves: an event only says that v1.live has moved
// (`projection.updated`), so what a stream shows is what v1.live holds, in its order, and a stream
// that reconnects with Last-Event-ID gets exactly what it missed, then the live ones.
//
// One reader per gateway follows v1.live and fans each change out to the streams it matches. A
// stream catching up reads on its own first; live changes that arrive meanwhile are kept in a
// short buffer and given to it once it has caught up, so none comes twice or out of order.
import type { IncomingMessage, ServerResponse } from "node:http";
import { body, type HttpError } from "./errors";

/** One change, as v1.live answers it. */
export interface LiveChange {
	seq: number;
	match: {
		id: string;
		competition: { code: string };
		homeTeam: { id: string };
		awayTeam: { id: string };
	};
	event: unknown;
}

export interface LiveRead {
	head: number;
	entries: LiveChange[];
}

export interface LiveFilters {
	competition?: string;
	team?: string;
	match?: string;
}

export interface LiveStreamsOptions {
	/** v1.live.since. */
	read(params: LiveFilters & { after?: number; limit: number }): Promise<LiveRead>;
	heartbeatMs: number;
	maxStreams: number;
	maxPerClient: number;
	warn(message: string): void;
}

/** Changes per read. */
const PAGE = 500;
/** Live changes kept for streams that are still catching up. */
const BUFFERED = 2_000;
/** What a client waits before it reconnects after a dropped stream (EventSource's `retry`). */
const RETRY_MS = 3_000;

const STREAM_HEADERS = {
	"Content-Type": "text/event-stream; charset=utf-8",
	"Cache-Control": "no-store",
	// Proxies that buffer (nginx) would hold the events back.
	"X-Accel-Buffering": "no",
};

interface Stream {
	res: ServerResponse;
	client: string;
	filters: LiveFilters;
	/** The last seq this stream has been sent (or chose to start after). */
	sent: number;
	catchingUp: boolean;
}

function matches(filters: LiveFilters, change: LiveChange): boolean {
	const { match } = change;
	if (filters.match && match.id !== filters.match) return false;
	if (filters.competition && match.competition.code !== filters.competition) return false;
	if (filters.team && match.homeTeam.id !== filters.team && match.awayTeam.id !== filters.team)
		return false;
	return true;
}

/** A change as the stream writes it: made once, however many streams it goes to. */
const FRAMES = new WeakMap<LiveChange, string>();

function frame(change: LiveChange): string {
	let text = FRAMES.get(change);
	if (text === undefined) {
		const data = JSON.stringify({ match: change.match, event: change.event });
		text = `id: ${change.seq}\nevent: match\ndata: ${data}\n\n`;
		FRAMES.set(change, text);
	}
	return text;
}

export class LiveStreams {
	private readonly streams = new Set<Stream>();
	private readonly perClient = new Map<string, number>();
	/** The last seq the reader has fanned out; null until it has read v1.live once. */
	private cursor: number | null = null;
	private buffer: LiveChange[] = [];
	private reading: Promise<void> | null = null;
	private readAgain = false;
	private heartbeat?: NodeJS.Timeout;

	constructor(private readonly options: LiveStreamsOptions) {}

	/** How many streams are open. */
	get open(): number {
		return this.streams.size;
	}

	/** Why a new stream of this client cannot open (429 or 503), or null when it can. */
	refusalFor(client: string): HttpError | null {
		const { maxStreams, maxPerClient } = this.options;
		if (this.streams.size >= maxStreams)
			return refusal(
				503,
				"SERVICE_UNAVAILABLE",
				`This gateway serves ${maxStreams} live streams at most, and all are open; retry later.`,
			);
		if ((this.perClient.get(client) ?? 0) >= maxPerClient)
			return refusal(
				429,
				"TOO_MANY_STREAMS",
				`A client may hold ${maxPerClient} live streams at once here; close one first.`,
			);
		return null;
	}

	/** A HEAD: the headers a stream would have, and an end. */
	answerHead(res: ServerResponse): void {
		res.writeHead(200, STREAM_HEADERS);
		res.end();
	}

	/** Opens a stream: from `lastEventId` when the client gives one, else from now. */
	async start(
		req: IncomingMessage,
		res: ServerResponse,
		client: string,
		filters: LiveFilters,
		lastEventId: number | null,
	): Promise<void> {
		const stream: Stream = { res, client, filters, sent: 0, catchingUp: true };
		this.streams.add(stream);
		this.perClient.set(client, (this.perClient.get(client) ?? 0) + 1);
		req.once("close", () => this.close(stream));
		res.writeHead(200, STREAM_HEADERS);
		res.write(`retry: ${RETRY_MS}\n: connected\n\n`);
		this.startHeartbeat();
		try {
			await this.follow();
			stream.sent = lastEventId ?? this.cursor ?? 0;
			if (lastEventId !== null) await this.catchUp(stream);
		} catch (err) {
			this.options.warn(`A live stream could not catch up: ${(err as Error).message}`);
			res.end();
			return;
		}
		this.goLive(stream);
	}

	/** v1.live has moved: read what is new and fan it out (one read at a time, one more if asked meanwhile). */
	changed(): void {
		void this.follow().catch(err =>
			this.options.warn(`Live changes could not be read: ${(err as Error).message}`),
		);
	}

	/** Ends every stream (the gateway is stopping); clients reconnect elsewhere with Last-Event-ID. */
	closeAll(): void {
		clearInterval(this.heartbeat);
		this.heartbeat = undefined;
		for (const stream of [...this.streams]) {
			stream.res.end();
			this.close(stream);
		}
	}

	private follow(): Promise<void> {
		if (this.reading) {
			this.readAgain = true;
			return this.reading;
		}
		this.reading = (async () => {
			try {
				do {
					this.readAgain = false;
					await this.readNew();
				} while (this.readAgain);
			} finally {
				this.reading = null;
			}
		})();
		return this.reading;
	}

	private async readNew(): Promise<void> {
		if (this.cursor === null) {
			// The first read only learns where "now" is: streams start there, or from their Last-Event-ID.
			this.cursor = (
				await this.options.read({ after: Number.MAX_SAFE_INTEGER, limit: 1 })
			).head;
			return;
		}
		for (;;) {
			const { entries } = await this.options.read({ after: this.cursor, limit: PAGE });
			for (const change of entries) this.fanOut(change);
			if (entries.length < PAGE) return;
		}
	}

	private fanOut(change: LiveChange): void {
		this.cursor = Math.max(this.cursor ?? 0, change.seq);
		this.buffer.push(change);
		if (this.buffer.length > BUFFERED) this.buffer = this.buffer.slice(-BUFFERED / 2);
		for (const stream of this.streams) if (!stream.catchingUp) this.send(stream, change);
	}

	private send(stream: Stream, change: LiveChange): void {
		if (change.seq <= stream.sent || !matches(stream.filters, change)) return;
		stream.sent = change.seq;
		stream.res.write(frame(change));
	}

	/** What the stream missed, read with its filters, page by page. */
	private async catchUp(stream: Stream): Promise<void> {
		for (;;) {
			const { entries } = await this.options.read({
				...stream.filters,
				after: stream.sent,
				limit: PAGE,
			});
			if (!this.streams.has(stream)) return;
			for (const change of entries) this.send(stream, change);
			if (entries.length < PAGE) return;
		}
	}

	/** From now on the reader sends to it; what it heard while the stream caught up comes first. */
	private goLive(stream: Stream): void {
		if (!this.streams.has(stream)) return;
		for (const change of this.buffer) this.send(stream, change);
		stream.catchingUp = false;
	}

	private close(stream: Stream): void {
		if (!this.streams.delete(stream)) return;
		const left = (this.perClient.get(stream.client) ?? 1) - 1;
		if (left > 0) this.perClient.set(stream.client, left);
		else this.perClient.delete(stream.client);
		if (this.streams.size === 0) {
			clearInterval(this.heartbeat);
			this.heartbeat = undefined;
		}
	}

	/** A comment now and then: proxies and load balancers close connections that stay silent. */
	private startHeartbeat(): void {
		if (this.heartbeat) return;
		this.heartbeat = setInterval(() => {
			for (const stream of this.streams) stream.res.write(": heartbeat\n\n");
		}, this.options.heartbeatMs);
		this.heartbeat.unref();
	}
}

function refusal(status: number, type: string, message: string): HttpError {
	return {
		status,
		headers: status === 503 ? { "Retry-After": "5" } : {},
		body: body(status, type, message),
	};
}
