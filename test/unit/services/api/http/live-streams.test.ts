// The gateway's live streams (services/api/http/live-streams.ts) against a v1.live of the test's
// own: the order and completeness of what a stream is sent, and the bounds.
import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
	type LiveChange,
	type LiveFilters,
	LiveStreams,
} from "../../../../../services/api/http/live-streams";
import { readLiveRequest } from "../../../../../services/api/routes/live-route";

/** v1.live's history, and how its reads may be held back. */
class History {
	changes: LiveChange[] = [];
	/** Reads wait for this before answering, while set. */
	gate: Promise<void> | null = null;

	add(seq: number, match = "m1", competition = "WC"): LiveChange {
		const change = {
			seq,
			match: {
				id: match,
				competition: { code: competition },
				homeTeam: { id: "h" },
				awayTeam: { id: "a" },
			},
			event: { type: "GOAL" },
		};
		this.changes.push(change);
		return change;
	}

	read = async (params: LiveFilters & { after?: number; limit: number }) => {
		if (this.gate) await this.gate;
		const after = params.after ?? 0;
		const entries = this.changes
			.filter(c => c.seq > after && (!params.match || c.match.id === params.match))
			.slice(0, params.limit);
		const head = Math.max(0, ...this.changes.map(c => c.seq));
		return { head, entries };
	};
}

function client() {
	const req = new EventEmitter() as unknown as IncomingMessage;
	const written: string[] = [];
	const res = {
		status: 0,
		writeHead(this: { status: number }, status: number) {
			this.status = status;
		},
		write(text: string) {
			written.push(text);
			return true;
		},
		end() {},
	} as unknown as ServerResponse & { status: number };
	const ids = () => written.flatMap(text => /^id: (\d+)/.exec(text)?.[1] ?? []).map(Number);
	return { req, res, ids, close: () => (req as unknown as EventEmitter).emit("close") };
}

function streamsOn(history: History, bounds = { maxStreams: 10, maxPerClient: 3 }) {
	return new LiveStreams({
		read: history.read,
		heartbeatMs: 60_000,
		warn: () => undefined,
		...bounds,
	});
}

const settle = () => new Promise(done => setImmediate(done));

describe("a live stream", () => {
	test("starts from now without Last-Event-ID, and is sent each later change once", async () => {
		const history = new History();
		history.add(1);
		history.add(2);
		const streams = streamsOn(history);
		const c = client();
		await streams.start(c.req, c.res, "x", {}, null);
		history.add(3);
		streams.changed();
		streams.changed();
		await settle();
		await settle();
		expect(c.ids()).toEqual([3]);
		expect(c.res.status).toBe(200);
		streams.closeAll();
	});

	test("with Last-Event-ID it gets what it missed, then what came while it caught up, in order and once", async () => {
		const history = new History();
		for (let seq = 1; seq <= 5; seq++) history.add(seq);
		const streams = streamsOn(history);
		const first = client();
		await streams.start(first.req, first.res, "x", {}, null);
		// Its catch-up read is held back while two more changes arrive and are fanned out.
		let release!: () => void;
		history.gate = new Promise(done => (release = done));
		const late = client();
		const starting = streams.start(late.req, late.res, "y", {}, 2);
		history.add(6);
		history.add(7);
		streams.changed();
		release();
		history.gate = null;
		await starting;
		await settle();
		expect(late.ids()).toEqual([3, 4, 5, 6, 7]);
		expect(first.ids()).toEqual([6, 7]);
		streams.closeAll();
	});

	test("a filter keeps out other matches, on catch-up and live", async () => {
		const history = new History();
		history.add(1, "m1");
		history.add(2, "m2");
		const streams = streamsOn(history);
		const c = client();
		await streams.start(c.req, c.res, "x", { match: "m2" }, 0);
		history.add(3, "m1");
		history.add(4, "m2");
		streams.changed();
		await settle();
		await settle();
		expect(c.ids()).toEqual([2, 4]);
		streams.closeAll();
	});

	test("is refused past the bound per client (429) and in all (503), and a close frees its place", async () => {
		const history = new History();
		const streams = streamsOn(history, { maxStreams: 3, maxPerClient: 2 });
		const held = [client(), client()];
		for (const c of held) await streams.start(c.req, c.res, "x", {}, null);
		expect(streams.refusalFor("x")?.status).toBe(429);
		expect(streams.refusalFor("y")).toBeNull();
		const other = client();
		await streams.start(other.req, other.res, "y", {}, null);
		expect(streams.refusalFor("z")?.status).toBe(503);
		held[0].close();
		expect(streams.refusalFor("x")).toBeNull();
		expect(streams.open).toBe(2);
		streams.closeAll();
		expect(streams.open).toBe(0);
	});
});

describe("what a stream asks for", () => {
	test("filters are checked and normalised; Last-Event-ID is digits only", () => {
		expect(readLiveRequest({ competition: "wc", team: "argentina" }, undefined)).toEqual({
			filters: { competition: "WC", team: "argentina", match: undefined },
			lastEventId: null,
		});
		expect(readLiveRequest({}, "42")).toMatchObject({ lastEventId: 42 });
		expect(readLiveRequest({ lastEventId: "7" }, undefined)).toMatchObject({ lastEventId: 7 });
		expect(readLiveRequest({}, "0x2")).toMatchObject({ status: 422 });
		expect(readLiveRequest({ since: "1" }, undefined)).toMatchObject({ status: 422 });
		expect(readLiveRequest({ team: ["a", "b"] }, undefined)).toMatchObject({ status: 422 });
	});
});
