// The live path's latency (#17's target): from a POST to the admin route until the change is on
// an SSE client of `GET /api/v1/live`, every node its own process (sync, ingest, live, the
// gateway), with one client and with many on one gateway. A match is kicked off, then goals are
// posted one after another at a steady pace; each goal is the next score of the match, so every
// client can tell which POST a frame answers. Latency is measured from the moment the POST is
// sent (its 202 comes within it) to the frame's arrival at each client, on this process's clock.
// Closed loop: the next goal is posted once every client has the last one (or it is counted
// missing after a bound), so the figures are each event's way, not a queue's.
import { request as httpRequest } from "node:http";
import { percentiles } from "./load";

export interface LiveLatencyRow {
	clients: number;
	samples: number;
	p50: number;
	p99: number;
	max: number;
	/** Frames that never came (a client that missed a goal). */
	missing: number;
}

interface Client {
	/** When each goal number arrived (ms, performance.now()). */
	arrivals: Map<number, number>;
	close(): void;
}

/** Opens an SSE client on raw HTTP (fetch would cost the test process more per stream). */
function openClient(url: string): Promise<Client> {
	return new Promise((resolve, reject) => {
		const arrivals = new Map<number, number>();
		const req = httpRequest(url, { headers: { Accept: "text/event-stream" } }, res => {
			if (res.statusCode !== 200) {
				reject(new Error(`the live stream answered ${res.statusCode}`));
				res.resume();
				return;
			}
			let pending = "";
			res.setEncoding("utf8");
			res.on("data", (chunk: string) => {
				const now = performance.now();
				pending += chunk;
				let end: number;
				while ((end = pending.indexOf("\n\n")) >= 0) {
					const frame = pending.slice(0, end);
					pending = pending.slice(end + 2);
					const data = /^data: (.*)$/m.exec(frame)?.[1];
					if (!data) continue;
					const goals = (JSON.parse(data) as { match: { goals: unknown[] } }).match.goals
						.length;
					// A frame shows the match as it is: every goal up to its count has reached the
					// client (a projection that caught up from the feed skips the steps between).
					for (let goal = goals; goal > 0 && !arrivals.has(goal); goal--)
						arrivals.set(goal, now);
				}
			});
			resolve({ arrivals, close: () => req.destroy() });
		});
		req.on("error", err => (arrivals.size === 0 ? reject(err) : undefined));
		req.end();
	});
}

/** Waits until every client has received goal number `goal`, or the bound has passed. */
async function everyClientHas(streams: Client[], goal: number, boundMs: number): Promise<void> {
	const deadline = Date.now() + boundMs;
	while (Date.now() < deadline && streams.some(client => !client.arrivals.has(goal)))
		await new Promise(done => setTimeout(done, 2));
}

/** Resolves once v1.live streams a change of `match` (its projection has caught up with the log). */
export async function streamed(base: string, match: string, boundMs: number): Promise<void> {
	const deadline = Date.now() + boundMs;
	while (Date.now() < deadline) {
		const abort = new AbortController();
		const timer = setTimeout(() => abort.abort(), 5_000);
		try {
			const res = await fetch(`${base}/api/v1/live?match=${match}&lastEventId=0`, {
				signal: abort.signal,
			});
			for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
				if (Buffer.from(chunk).toString().includes("data: ")) return;
		} catch {
			// not yet: the stream was cut after 5 s without a change
		} finally {
			clearTimeout(timer);
			abort.abort();
		}
	}
	throw new Error(`v1.live streamed nothing of ${match} within ${boundMs} ms`);
}

async function post(base: string, token: string, match: string, event: Record<string, unknown>) {
	const res = await fetch(`${base}/api/admin/matches/${match}/events`, {
		method: "POST",
		headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
		body: JSON.stringify(event),
	});
	if (res.status !== 202)
		throw new Error(`POST ${event.type}: ${res.status} ${await res.text()}`);
}

/**
 * Kicks `match` off and posts `goals` goals, `gapMs` apart, with `clients` streams open on it;
 * `round` names this run's events (a match takes each event id once).
 */
export async function liveLatency(options: {
	base: string;
	token: string;
	match: string;
	clients: number;
	goals: number;
	gapMs: number;
	round: string;
	/** How long every client may take to receive one goal before it counts as missing. */
	boundMs?: number;
}): Promise<LiveLatencyRow> {
	const { base, token, match } = options;
	const streams: Client[] = [];
	for (let i = 0; i < options.clients; i++)
		streams.push(await openClient(`${base}/api/v1/live?match=${match}`));
	try {
		const sent = new Map<number, number>();
		// Goal numbers continue the match's: read where it stands first.
		const before = (await (await fetch(`${base}/api/v2/matches/${match}`)).json()) as {
			goals: unknown[];
		};
		let scored = before.goals.length;
		for (let i = 0; i < options.goals; i++) {
			scored += 1;
			sent.set(scored, performance.now());
			await post(base, token, match, {
				id: `${options.round}-goal-${i}`,
				type: "GOAL",
				minute: 10,
				team: i % 2 === 0 ? "HOME" : "AWAY",
				scorer: "Bench Scorer",
			});
			await everyClientHas(streams, scored, options.boundMs ?? 30_000);
			await new Promise(done => setTimeout(done, options.gapMs));
		}
		const latencies: number[] = [];
		let missing = 0;
		for (const client of streams)
			for (const [goal, at] of sent) {
				const arrived = client.arrivals.get(goal);
				if (arrived === undefined) missing += 1;
				else latencies.push(arrived - at);
			}
		const { p50, p99 } = percentiles(latencies);
		return {
			clients: options.clients,
			samples: latencies.length,
			p50,
			p99,
			max: Math.max(...latencies),
			missing,
		};
	} finally {
		for (const client of streams) client.close();
	}
}
