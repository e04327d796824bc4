// `npm run replay`'s events (scripts/replay.ts): every finished match of the bundled data,
// replayed event by event through the rules ingest checks them with, adds up to its own score
// and goals.
import { join } from "node:path";
import { foldEvents, type LiveEvent, refusalOf } from "../../../domain/live";
import type { Match } from "../../../domain/model";
import { openOpenFootballDir, streamOpenFootball } from "../../../domain/openfootball";
import { toV4Match } from "../../../domain/v4-match";
import { eventsOf } from "../../../scripts/replay";
import type { IngestRecordParams } from "../../../services/ingest/ingest.contract";
import { liveEventOf } from "../../../services/ingest/ingest.events";
import { REPO_ROOT } from "../../../tools/servers";

function bundledMatches(): Match[] {
	const matches: Match[] = [];
	for (const batch of streamOpenFootball(
		openOpenFootballDir(join(REPO_ROOT, "data", "openfootball")),
	))
		if (batch.kind === "match") matches.push(...(batch.docs as Match[]));
	return matches;
}

/** Each replayed event read as ingest reads a POST, checked against those before, and folded. */
function replayed(match: Match) {
	let events: LiveEvent[] = [];
	for (const [i, { body }] of eventsOf(toV4Match(match)).entries()) {
		const event = liveEventOf(
			{ match: match.id, id: `replay-${i + 1}`, ...body } as IngestRecordParams,
			match,
		);
		const refusal = refusalOf(foldEvents(match, events), event);
		if (refusal) throw new Error(`${match.id}, event ${i + 1} (${event.type}): ${refusal}`);
		events = [...events, event];
	}
	return foldEvents(match, events);
}

/** The half-time score the goals give: those up to the 45th minute, added time included. */
function halfTimeOfGoals(match: Match) {
	const early = match.goals.filter(g => g.minute <= 45);
	return {
		home: early.filter(g => g.team.id === match.homeTeam.id).length,
		away: early.filter(g => g.team.id === match.awayTeam.id).length,
	};
}

const finished = bundledMatches().filter(
	m =>
		m.status === "FINISHED" && m.score.fullTime.home !== null && m.score.halfTime.home !== null,
);

test("the bundled data has finished matches of every duration to replay", () => {
	const durations = new Set(finished.map(m => m.score.duration));
	expect(durations).toEqual(new Set(["REGULAR", "EXTRA_TIME", "PENALTY_SHOOTOUT"]));
	expect(finished.length).toBeGreaterThan(500);
});

test("every finished match with goals on record replays to its own score, goals and winner", () => {
	const withGoals = finished.filter(m => {
		const scored =
			(m.score.extraTime.home ?? m.score.fullTime.home ?? 0) +
			(m.score.extraTime.away ?? m.score.fullTime.away ?? 0);
		return m.goals.length === scored;
	});
	expect(withGoals.length).toBeGreaterThan(100);
	const wrong = withGoals.flatMap(match => {
		const state = replayed(match);
		// A few files give a half-time score their own goal minutes contradict (Japan–Spain 2022:
		// 0–0 at half time, with Spain's goal in the 11th minute); the goals are what is replayed.
		const halfTime = halfTimeOfGoals(match);
		const same =
			state.status === "FINISHED" &&
			JSON.stringify(state.score) === JSON.stringify({ ...match.score, halfTime }) &&
			JSON.stringify(state.goals) === JSON.stringify(match.goals);
		return same ? [] : [{ id: match.id, want: match.score, got: state.score }];
	});
	expect(wrong).toEqual([]);
});

test("the 2022 final replays to 3–3 after extra time and 4–2 on penalties", () => {
	const final = finished.find(m => m.id === "wc-2022-final-argentina-france")!;
	const state = replayed(final);
	expect(state.score).toMatchObject({
		duration: "PENALTY_SHOOTOUT",
		extraTime: { home: 3, away: 3 },
		penalties: { home: 4, away: 2 },
		winner: "HOME_TEAM",
	});
	expect(state.goals).toHaveLength(6);
});
