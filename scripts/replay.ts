// `npm run replay`: replays real finished matches from the data through the live write path, as
// a live source would send them: kick-off, each goal at its minute, the whistles, extra time and
// the shoot-out, in compressed time. The demo of match day, live, and a load test of its path.
//   npm run replay -- <match id> [--speed 60] [--url http://127.0.0.1:3000]
//   npm run replay -- --round PL 2024 38 [--speed 60]      (a whole matchday at once)
// --speed 60 plays a minute of the match in a second (a match in about two minutes); 0 sends the
// events as fast as the server takes them. The gateway's ADMIN_TOKEN comes from the environment.
// A match's events are the journal's whole story of it: a match replays once. Whistles carry no
// minute (they are blown "now", after any goal in added time); goals carry theirs.
import { parseArgs } from "node:util";
import type { V4Match } from "../domain/v4-match";

/** One event as the admin route takes it, with the match minute it happens at. */
export interface ReplayEvent {
	at: number;
	body: Record<string, unknown>;
}

/** Where a whistle stands when it is blown. */
const HALF_TIME_AT = 45;
const FULL_TIME_AT = 90;
const EXTRA_TIME_END = 120;

/**
 * The shoot-out's kicks for a final score of `home`–`away`: the two teams in turn, each taking
 * as many kicks as the winner scored, the loser missing the rest. The data keeps only the score.
 */
function shootoutKicks(
	home: number,
	away: number,
): Array<{ team: "HOME" | "AWAY"; scored: boolean }> {
	const kicks: Array<{ team: "HOME" | "AWAY"; scored: boolean }> = [];
	const rounds = Math.max(home, away);
	for (let i = 0; i < rounds; i++) {
		kicks.push({ team: "HOME", scored: i < home });
		kicks.push({ team: "AWAY", scored: i < away });
	}
	return kicks;
}

/** The events that add up to a finished match as v2 shows it, in order. */
export function eventsOf(match: V4Match): ReplayEvent[] {
	const { score } = match;
	const events: ReplayEvent[] = [{ at: 0, body: { type: "KICK_OFF" } }];
	const goal = (g: V4Match["goals"][number]): ReplayEvent => ({
		at: g.minute + (g.injuryTime ?? 0) / 10,
		body: {
			type: "GOAL",
			minute: g.minute,
			...(g.injuryTime ? { injuryTime: g.injuryTime } : {}),
			team: g.team.id === match.homeTeam.id ? "HOME" : "AWAY",
			scorer: g.scorer.name,
			penalty: g.penalty,
			ownGoal: g.ownGoal,
		},
	});
	// Goals in added time of the first half belong to it: the half-time whistle comes after them.
	const inFirstHalf = match.goals.filter(g => g.minute <= HALF_TIME_AT);
	// A regular match has no extra time: a goal "in the 92nd minute" is one in added time.
	const regular = score.duration === "REGULAR";
	const inSecondHalf = match.goals.filter(
		g => g.minute > HALF_TIME_AT && (regular || g.minute <= FULL_TIME_AT),
	);
	const inExtraTime = regular ? [] : match.goals.filter(g => g.minute > FULL_TIME_AT);
	events.push(...inFirstHalf.map(goal));
	const lastOf = (goals: V4Match["goals"], from: number) =>
		Math.max(from, ...goals.map(g => g.minute + (g.injuryTime ?? 0) / 10));
	events.push({ at: lastOf(inFirstHalf, HALF_TIME_AT), body: { type: "HALF_TIME" } });
	events.push({ at: lastOf(inFirstHalf, HALF_TIME_AT), body: { type: "SECOND_HALF" } });
	events.push(...inSecondHalf.map(goal));
	const afterNinety = lastOf(inSecondHalf, FULL_TIME_AT);
	if (score.duration === "REGULAR") {
		events.push({ at: afterNinety, body: { type: "FULL_TIME" } });
		return events;
	}
	events.push({ at: afterNinety, body: { type: "EXTRA_TIME" } });
	events.push(...inExtraTime.map(goal));
	const afterExtraTime = lastOf(inExtraTime, EXTRA_TIME_END);
	if (score.duration === "EXTRA_TIME") {
		events.push({ at: afterExtraTime, body: { type: "FULL_TIME" } });
		return events;
	}
	events.push({ at: afterExtraTime, body: { type: "PENALTY_SHOOTOUT" } });
	const { home, away } = score.penalties ?? { home: 0, away: 0 };
	for (const kick of shootoutKicks(home ?? 0, away ?? 0))
		events.push({ at: afterExtraTime, body: { type: "SHOOTOUT_KICK", ...kick } });
	events.push({ at: afterExtraTime, body: { type: "FULL_TIME" } });
	return events;
}

interface Options {
	url: string;
	token: string;
	speed: number;
}

async function getJson<T>(url: string): Promise<T> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

function sleep(ms: number): Promise<void> {
	return new Promise(done => setTimeout(done, ms));
}

/** Sends one match's events at their minutes; resolves with how many were sent. */
async function replayMatch(match: V4Match, options: Options, log: (line: string) => void) {
	const events = eventsOf(match);
	const began = Date.now();
	for (const [i, event] of events.entries()) {
		const due = began + (event.at * 60_000) / (options.speed || Infinity);
		if (options.speed > 0 && due > Date.now()) await sleep(due - Date.now());
		const body: Record<string, unknown> = { id: `replay-${i + 1}`, ...event.body };
		const res = await fetch(`${options.url}/api/admin/matches/${match.id}/events`, {
			method: "POST",
			headers: {
				"Content-Type": "application/json",
				Authorization: `Bearer ${options.token}`,
			},
			body: JSON.stringify(body),
		});
		const answer = await res.text();
		if (res.status !== 202)
			throw new Error(
				`${match.id}: ${String(body.type)} was answered ${res.status}: ${answer}`,
			);
		log(
			`${match.id} ${String(event.body.minute ?? Math.floor(event.at))}' ${String(body.type)}${body.scorer ? ` ${String(body.scorer)}` : ""}`,
		);
	}
	return events.length;
}

async function matchesToReplay(
	positionals: string[],
	round: boolean,
	url: string,
): Promise<V4Match[]> {
	if (!round) {
		if (positionals.length !== 1)
			throw new Error("Give one match id, or --round CODE SEASON MATCHDAY.");
		return [
			await getJson<V4Match>(`${url}/api/v2/matches/${encodeURIComponent(positionals[0])}`),
		];
	}
	const [code, season, matchday] = positionals;
	if (!code || !/^\d{4}$/.test(season ?? "") || !/^\d{1,3}$/.test(matchday ?? ""))
		throw new Error(
			"--round takes a competition code, a season's first year and a matchday: --round PL 2024 38.",
		);
	const page = await getJson<{ matches: V4Match[] }>(
		`${url}/api/v2/results?competitions=${encodeURIComponent(code)}&season=${season}&matchday=${matchday}&limit=100`,
	);
	if (page.matches.length === 0)
		throw new Error(`No match of ${code} ${season} on matchday ${matchday}.`);
	return page.matches;
}

async function main(): Promise<void> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			speed: { type: "string", default: "60" },
			url: { type: "string", default: process.env.MATCHDAY_URL ?? "http://127.0.0.1:3000" },
			round: { type: "boolean", default: false },
		},
	});
	const speed = Number(values.speed);
	if (!Number.isFinite(speed) || speed < 0) throw new Error("--speed is a number, 0 or more.");
	const token = process.env.ADMIN_TOKEN;
	if (!token) throw new Error("Set ADMIN_TOKEN to the gateway's admin token.");
	const url = values.url.replace(/\/$/, "");
	const matches = await matchesToReplay(positionals, values.round, url);
	const unfinished = matches.filter(m => m.status !== "FINISHED");
	if (unfinished.length > 0)
		throw new Error(
			`Only finished matches replay: ${unfinished.map(m => `${m.id} is ${m.status}`).join(", ")}.`,
		);
	const log = (line: string) => process.stdout.write(`replay │ ${line}\n`);
	const sent = await Promise.all(
		matches.map(match => replayMatch(match, { url, token, speed }, log)),
	);
	log(`${matches.length} match(es), ${sent.reduce((a, b) => a + b, 0)} events sent.`);
}

if (require.main === module) {
	main().catch(err => {
		console.error(`replay: ${(err as Error).message}`);
		process.exit(1);
	});
}
