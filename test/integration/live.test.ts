// Match day, live: events POSTed to the admin route go through v1.ingest's journal to sync,
// which folds them into the master match, and out to v2's lookups and to the live stream
// (GET /api/v1/live, Server-Sent Events). Every node is a process of its own, on NATS and
// FerretDB, and everything is asked through HTTP as a client would.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type JournalEntry, newSigningKeys, privateKeyFrom, signEntries } from "../../contracts";
import {
	eventually,
	getJson,
	type NodeProcess,
	resetDatabases,
	startGateway,
	startNode,
	startProbe,
	testEnv,
	worldCupDataDir,
} from "../support/cluster";
import { openSse, type SseFrame, type SseStream } from "../support/sse";

jest.setTimeout(240_000);

const env = testEnv("live");
const ADMIN_TOKEN = "live-admin-token-0123456789abcdef";
const dataDir = worldCupDataDir("live");
const nodes: NodeProcess[] = [];
const streams: SseStream[] = [];
let base = "";
let baseB = "";
/** Group matches of the 2022 World Cup, one per test, so that no test sees another's events. */
let matchIds: string[] = [];

interface V4MatchBody {
	id: string;
	status: string;
	minute: number | null;
	homeTeam: { id: string };
	awayTeam: { id: string };
	score: { fullTime: { home: number | null; away: number | null } };
	goals: Array<{ minute: number; scorer: { name: string } }>;
}

beforeAll(async () => {
	await resetDatabases(env.mongoUri);
	nodes.push(startNode(env, "sync", "v1.sync", { DATA_DIR: dataDir, SYNC_INTERVAL: "0" }));
	nodes.push(startNode(env, "ingest", "v1.ingest", { LIVE_RESEND_INTERVAL: "500" }));
	nodes.push(startNode(env, "live", "v1.live"));
	nodes.push(startNode(env, "matches", "v2.matches,v2.results,v1.results"));
	const gateway = await startGateway(env, "api", {
		ADMIN_TOKEN,
		LIVE_HEARTBEAT: "1",
		LIVE_MAX_STREAMS_PER_CLIENT: "4",
		HTTP_MAX_AGE: "0",
	});
	nodes.push(gateway.node);
	base = gateway.baseUrl;
	// A second gateway: a client may reconnect to any of them.
	const second = await startGateway(env, "api-b", { LIVE_HEARTBEAT: "1", HTTP_MAX_AGE: "0" });
	nodes.push(second.node);
	baseB = second.baseUrl;
	await Promise.all(nodes.map(node => node.started()));
	matchIds = await eventually(
		async () => {
			const { body } = await getJson<{ matches: V4MatchBody[] }>(
				`${base}/api/v2/results?competitions=WC&season=2022&stage=GROUP_STAGE&limit=20`,
			);
			return body.matches?.length === 20 ? body.matches.map(m => m.id) : undefined;
		},
		120_000,
		"the 2022 group matches",
	);
	// Ingest learns the matches from its own projection: wait until it knows the last of them.
	await eventually(
		async () =>
			(await postEvent("no-such-match", { id: "probe", type: "KICK_OFF" })).status === 404
				? true
				: undefined,
		60_000,
		"the admin route",
	);
});

afterAll(async () => {
	for (const stream of streams) stream.close();
	await Promise.all(nodes.map(node => node.stop()));
});

async function postEvent(
	match: string,
	event: Record<string, unknown>,
	token: string | null = ADMIN_TOKEN,
): Promise<{
	status: number;
	body: Record<string, unknown> & { error?: { type: string; message: string } };
}> {
	const res = await fetch(`${base}/api/admin/matches/${match}/events`, {
		method: "POST",
		headers: {
			"Content-Type": "application/json",
			...(token ? { Authorization: `Bearer ${token}` } : {}),
		},
		body: JSON.stringify(event),
	});
	return { status: res.status, body: (await res.json()) as never };
}

/** The last journal seq a POST answered. */
let lastSeq = 0;

/** Posts an event the match must accept. */
async function accepted(match: string, event: Record<string, unknown>) {
	const reply = await postEvent(match, event);
	expect([reply.status, reply.body]).toEqual([
		202,
		expect.objectContaining({ status: "accepted" }),
	]);
	lastSeq = Math.max(lastSeq, Number(reply.body.seq));
	return reply.body;
}

/** Waits until v2 shows a goal by this scorer in the match. */
function goalShown(match: string, scorer: string): Promise<V4MatchBody> {
	return eventually(
		async () => {
			const now = await matchNow(match);
			return now.goals.some(g => g.scorer.name === scorer) ? now : undefined;
		},
		30_000,
		`${scorer}'s goal in v2`,
	);
}

async function matchNow(id: string): Promise<V4MatchBody> {
	const { status, body } = await getJson<V4MatchBody>(`${base}/api/v2/matches/${id}`);
	expect(status).toBe(200);
	return body;
}

async function stream(
	query: string,
	headers: Record<string, string> = {},
	on = base,
): Promise<SseStream> {
	const opened = await openSse(`${on}/api/v1/live${query}`, headers);
	streams.push(opened);
	return opened;
}

const scoreOf = (frame: SseFrame) => {
	const { match } = JSON.parse(frame.data!) as { match: V4MatchBody };
	return `${match.score.fullTime.home}-${match.score.fullTime.away}`;
};

describe("the live write path", () => {
	test("the same goal POSTed twice, and five times at once, scores once", async () => {
		const match = matchIds[0];
		await accepted(match, { id: "ko", type: "KICK_OFF" });
		const goal = { id: "goal-1", type: "GOAL", minute: 12, team: "HOME", scorer: "A. Scorer" };
		const replies = await Promise.all(Array.from({ length: 5 }, () => postEvent(match, goal)));
		const again = await postEvent(match, goal);
		const all = [...replies, again];
		expect(all.map(r => r.status)).toEqual([202, 202, 202, 202, 202, 202]);
		expect(all.filter(r => r.body.duplicate === false)).toHaveLength(1);
		expect(new Set(all.map(r => r.body.seq)).size).toBe(1);
		expect(all.every(r => r.body.place === 2)).toBe(true);
		const shown = await eventually(
			async () => {
				const now = await matchNow(match);
				return now.status === "IN_PLAY" && now.goals.length > 0 ? now : undefined;
			},
			30_000,
			"the goal in v2",
		);
		expect(shown).toMatchObject({
			status: "IN_PLAY",
			minute: 12,
			score: { fullTime: { home: 1, away: 0 } },
		});
		expect(shown.goals.map(g => g.scorer.name)).toEqual(["A. Scorer"]);
	});

	test("an event that cannot come is refused with the reason (422), and nothing is recorded", async () => {
		const match = matchIds[1];
		const early = await postEvent(match, {
			id: "early",
			type: "GOAL",
			minute: 3,
			team: "HOME",
			scorer: "X",
		});
		expect(early.status).toBe(422);
		expect(early.body.error).toMatchObject({ type: "EVENT_REFUSED" });
		expect(early.body.error!.message).toMatch(/has not kicked off/);
		await accepted(match, { id: "ko", type: "KICK_OFF" });
		const stranger = await postEvent(match, {
			id: "g",
			type: "GOAL",
			minute: 5,
			team: "brazil",
			scorer: "X",
		});
		expect([stranger.status, stranger.body.error?.message]).toEqual([
			422,
			expect.stringMatching(/'brazil' does not play in/),
		]);
		const typo = await postEvent(match, { id: "t", type: "GOOL" });
		expect([typo.status, typo.body.error?.type]).toEqual([422, "VALIDATION_ERROR"]);
		const unknown = await postEvent(match, {
			id: "t",
			type: "GOAL",
			minute: 5,
			team: "HOME",
			scorer: "X",
			extra: 1,
		});
		expect(unknown.status).toBe(422);
		const noMatch = await postEvent("no-such-match", { id: "x", type: "KICK_OFF" });
		expect([noMatch.status, noMatch.body.error?.type]).toEqual([404, "MATCH_NOT_FOUND"]);
		const noToken = await postEvent(match, { id: "y", type: "HALF_TIME" }, null);
		expect(noToken.status).toBe(401);
		const notJson = await fetch(`${base}/api/admin/matches/${match}/events`, {
			method: "POST",
			headers: { "Content-Type": "application/json", Authorization: `Bearer ${ADMIN_TOKEN}` },
			body: "[1,2]",
		});
		expect(notJson.status).toBe(422);
		// None of the refused events took a place: the next one is the match's second.
		const next = await accepted(match, {
			id: "g2",
			type: "GOAL",
			minute: 7,
			team: "AWAY",
			scorer: "Y",
		});
		expect(next.place).toBe(2);
	});
});

describe("the live stream", () => {
	test("a client that reconnects with Last-Event-ID, to another gateway, gets exactly the three events it missed, in order, then live ones", async () => {
		const match = matchIds[2];
		const first = await stream(`?match=${match}`);
		expect(first.status).toBe(200);
		expect(first.headers.get("content-type")).toMatch(/^text\/event-stream/);
		await accepted(match, { id: "ko", type: "KICK_OFF" });
		const [kickOff] = await first.next(1);
		expect(JSON.parse(kickOff.data!)).toMatchObject({
			match: { id: match, status: "IN_PLAY" },
			event: { type: "KICK_OFF" },
		});
		first.close();
		for (const [id, minute, team] of [
			["g1", 10, "HOME"],
			["g2", 20, "HOME"],
			["g3", 30, "AWAY"],
		] as const)
			await accepted(match, { id, type: "GOAL", minute, team, scorer: `Scorer ${id}` });
		// A stream of its own sees the third goal: it has reached every node by then.
		await eventually(
			async () =>
				(await matchNow(match)).goals.some(g => g.scorer.name === "Scorer g3")
					? true
					: undefined,
			30_000,
			"three goals",
		);
		// It reconnects to the other gateway: each reads v1.live itself.
		const again = await stream(`?match=${match}`, { "Last-Event-ID": kickOff.id! }, baseB);
		const missed = await again.next(3);
		expect(missed.map(scoreOf)).toEqual(["1-0", "2-0", "2-1"]);
		const ids = missed.map(f => Number(f.id));
		expect(ids.every((id, i) => id > (i === 0 ? Number(kickOff.id) : ids[i - 1]))).toBe(true);
		await accepted(match, { id: "ht", type: "HALF_TIME" });
		const [live] = await again.next(1);
		expect(JSON.parse(live.data!)).toMatchObject({
			match: { status: "PAUSED" },
			event: { type: "HALF_TIME" },
		});
		await expect(again.next(1, 1_500)).rejects.toThrow(/no 1 events/);
		again.close();
	});

	test("filters: a stream of one match hears nothing of another; one of the competition hears both", async () => {
		const [a, b] = [matchIds[3], matchIds[4]];
		const onlyA = await stream(`?match=${a}`);
		const wholeCup = await stream("?competition=wc");
		await onlyA.nextComment(); // connected
		await accepted(b, { id: "ko", type: "KICK_OFF" });
		await accepted(a, { id: "ko", type: "KICK_OFF" });
		const [heardA] = await onlyA.next(1);
		expect(JSON.parse(heardA.data!).match.id).toBe(a);
		const both = await wholeCup.next(2);
		expect(both.map(f => JSON.parse(f.data!).match.id)).toEqual([b, a]);
		onlyA.close();
		wholeCup.close();
	});

	test("HEAD answers a stream's headers and ends", async () => {
		const res = await fetch(`${base}/api/v1/live`, { method: "HEAD" });
		expect([res.status, res.headers.get("content-type"), await res.text()]).toEqual([
			200,
			"text/event-stream; charset=utf-8",
			"",
		]);
	});

	test("heartbeats keep an idle stream open", async () => {
		const idle = await stream(`?match=${matchIds[5]}`);
		const comments: string[] = [];
		while (!comments.includes("heartbeat")) comments.push(await idle.nextComment(3_000));
		idle.close();
	});

	test("bad filters are a 422 naming the parameter; streams past the bound per client a 429", async () => {
		const bad = await stream("?team=Not%20An%20Id");
		expect([bad.status, JSON.parse(bad.text).error.message]).toEqual([
			422,
			expect.stringMatching(/'team' parameter/),
		]);
		const odd = await stream("?since=3");
		expect(odd.status).toBe(422);
		const badId = await stream("", { "Last-Event-ID": "1e3" });
		expect(badId.status).toBe(422);
		// The streams of the tests before have closed; give the gateway a moment to count them gone.
		await new Promise(done => setTimeout(done, 1_000));
		const held = [];
		for (let i = 0; i < 4; i++) held.push(await stream(`?match=${matchIds[6]}`));
		expect(held.map(s => s.status)).toEqual([200, 200, 200, 200]);
		const over = await stream(`?match=${matchIds[6]}`);
		expect([over.status, JSON.parse(over.text).error.type]).toEqual([429, "TOO_MANY_STREAMS"]);
		held[0].close();
		await eventually(
			async () => {
				const freed = await stream(`?match=${matchIds[6]}`);
				freed.close();
				return freed.status === 200 ? true : undefined;
			},
			10_000,
			"a stream freed by a close",
		);
		for (const s of held) s.close();
	});
});

describe("nothing lost, nothing forged", () => {
	test("a goal a bus member sends sync in ingest's place, unsigned by ingest's key, never scores", async () => {
		const match = matchIds[7];
		await accepted(match, { id: "ko", type: "KICK_OFF" });
		const probe = await startProbe(env);
		try {
			const entries: JournalEntry[] = [
				{
					seq: lastSeq + 1,
					match,
					place: 2,
					event: {
						id: "forged",
						type: "GOAL",
						minute: 5,
						injuryTime: null,
						side: "AWAY",
						scorer: "Forger",
						penalty: false,
						ownGoal: false,
						scored: null,
					},
					receivedAt: new Date().toISOString(),
				},
			];
			const otherKey = privateKeyFrom(newSigningKeys().privateKey);
			await probe.emit("live.recorded", {
				entries,
				signature: signEntries(otherKey, entries),
			});
			await probe.emit("live.recorded", { entries });
		} finally {
			await probe.stop();
		}
		// The next real event takes the seq the forger claimed: were the forgery folded, it would be lost.
		await accepted(match, {
			id: "real",
			type: "GOAL",
			minute: 6,
			team: "HOME",
			scorer: "Real Scorer",
		});
		const shown = await goalShown(match, "Real Scorer");
		expect(shown.goals.map(g => g.scorer.name)).toEqual(["Real Scorer"]);
		expect(shown.score.fullTime).toEqual({ home: 1, away: 0 });
		const sync = nodes.find(node => node.name === "sync")!;
		expect(sync.logs()).toMatch(
			/Refused 1 live event\(s\) from node probe-\d+: not signed by ingest's key/,
		);
	});

	test("events journalled while sync is away reach the match once it is back, in order", async () => {
		const match = matchIds[8];
		const sync = nodes.find(node => node.name === "sync")!;
		await sync.stop();
		await accepted(match, { id: "ko", type: "KICK_OFF" });
		await accepted(match, {
			id: "g1",
			type: "GOAL",
			minute: 41,
			team: "AWAY",
			scorer: "While Away",
		});
		await accepted(match, { id: "ht", type: "HALF_TIME" });
		const back = startNode(env, "sync-back", "v1.sync", {
			DATA_DIR: dataDir,
			SYNC_INTERVAL: "0",
		});
		nodes.push(back);
		await back.started();
		const shown = await eventually(
			async () => {
				const now = await matchNow(match);
				return now.status === "PAUSED" ? now : undefined;
			},
			60_000,
			"the match at half time",
		);
		expect(shown.goals.map(g => g.scorer.name)).toEqual(["While Away"]);
		expect(shown.score.fullTime).toEqual({ home: 0, away: 1 });
	});
});

describe("npm run replay", () => {
	const FINAL = "wc-2022-final-argentina-france";

	test("the 2022 final, replayed through the live path, ends 3–3 after extra time and 4–2 on penalties in v1 and v2, each of its 20 steps on the stream", async () => {
		const watching = await stream(`?match=${FINAL}`);
		await watching.nextComment(); // connected
		const fileGoals = (await matchNow(FINAL)).goals;
		const { stdout } = await promisify(execFile)(
			process.execPath,
			["--import", "tsx", "scripts/replay.ts", FINAL, "--speed", "0", "--url", base],
			{ env: { ...process.env, ADMIN_TOKEN }, timeout: 60_000 },
		);
		expect(stdout).toMatch(/1 match\(es\), 20 events sent\./);
		const steps = await watching.next(20, 30_000);
		const last = JSON.parse(steps[19].data!) as { match: V4MatchBody; event: { type: string } };
		expect(steps.map(f => JSON.parse(f.data!).event.type)).toEqual([
			"KICK_OFF",
			"GOAL",
			"GOAL",
			"HALF_TIME",
			"SECOND_HALF",
			"GOAL",
			"GOAL",
			"EXTRA_TIME",
			"GOAL",
			"GOAL",
			"PENALTY_SHOOTOUT",
			...Array.from({ length: 8 }, () => "SHOOTOUT_KICK"),
			"FULL_TIME",
		]);
		expect(last.match.status).toBe("FINISHED");
		watching.close();
		const v2 = await matchNow(FINAL);
		expect(v2).toMatchObject({
			status: "FINISHED",
			score: {
				regularTime: { home: 2, away: 2 },
				extraTime: { home: 1, away: 1 },
				penalties: { home: 4, away: 2 },
				fullTime: { home: 7, away: 5 },
				winner: "HOME_TEAM",
			},
		});
		expect(v2.goals).toEqual(fileGoals);
		const v1 = await getJson<{ rows: Array<{ score: Record<string, unknown> }> }>(
			`${base}/api/v1/results?competition=WC&season=2022&stage=FINAL`,
		);
		expect(v1.body.rows[0].score).toMatchObject({
			fullTime: { home: 2, away: 2 },
			extraTime: { home: 3, away: 3 },
			penalties: { home: 4, away: 2 },
		});
	});
});
