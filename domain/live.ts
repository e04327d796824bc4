// A match as it is played: the events a live source sends (kick-off, goals, whistles, the
// shoot-out's kicks), whether one may follow the others, and the match they add up to. Pure:
// the ingest service checks events with it before it journals them, and sync folds a match's
// journal into the master match with it, so both read the events the same way.
import type { Duration, Goal, Match, MatchStatus, Score, ScoreLine, Winner } from "./model";

export const LIVE_EVENT_TYPES = [
	"KICK_OFF",
	"GOAL",
	"HALF_TIME",
	"SECOND_HALF",
	"FULL_TIME",
	"EXTRA_TIME",
	"PENALTY_SHOOTOUT",
	"SHOOTOUT_KICK",
	"SUSPENDED",
	"POSTPONED",
	"CANCELLED",
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export type Side = "HOME" | "AWAY";

/** One event of a match, as journalled: the team already read as a side of the match. */
export interface LiveEvent {
	/** The client's id for the event: the same id twice is the same event. */
	id: string;
	type: LiveEventType;
	minute: number | null;
	injuryTime: number | null;
	side: Side | null;
	scorer: string | null;
	penalty: boolean;
	ownGoal: boolean;
	/** A shoot-out kick: whether it went in. */
	scored: boolean | null;
}

/** Where a match is: what may come next depends on it. */
export type Phase =
	| "NOT_STARTED"
	| "FIRST_HALF"
	| "HALF_TIME"
	| "SECOND_HALF"
	| "EXTRA_TIME"
	| "SHOOTOUT"
	| "FINISHED"
	| "SUSPENDED"
	| "POSTPONED"
	| "CANCELLED";

/** What a match's events add up to. */
export interface LiveState {
	phase: Phase;
	status: MatchStatus;
	/** The minute of the last event while the match is in play; null otherwise. */
	minute: number | null;
	injuryTime: number | null;
	score: Score;
	goals: Goal[];
	/** Phases the match went through that decide its duration. */
	reached: { extraTime: boolean; shootout: boolean };
	/** The last event folded, for clients that show what just happened. */
	last: LiveEvent | null;
}

const STATUS_OF: Record<Phase, MatchStatus> = {
	NOT_STARTED: "SCHEDULED",
	FIRST_HALF: "IN_PLAY",
	HALF_TIME: "PAUSED",
	SECOND_HALF: "IN_PLAY",
	EXTRA_TIME: "IN_PLAY",
	SHOOTOUT: "IN_PLAY",
	FINISHED: "FINISHED",
	SUSPENDED: "SUSPENDED",
	POSTPONED: "POSTPONED",
	CANCELLED: "CANCELLED",
};

/** Where the clock stands when a whistle is blown without a minute. */
const PHASE_START_MINUTE: Partial<Record<Phase, number>> = {
	FIRST_HALF: 0,
	SECOND_HALF: 45,
	EXTRA_TIME: 90,
	SHOOTOUT: 120,
};

/** The phases in which the ball is in play: a goal, a suspension, the clock. */
const IN_PLAY: Phase[] = ["FIRST_HALF", "SECOND_HALF", "EXTRA_TIME"];

/** For each event, the phases it may follow, and the phase it leads to. */
const TRANSITIONS: Record<LiveEventType, { from: Phase[]; to: Phase | null }> = {
	KICK_OFF: { from: ["NOT_STARTED", "POSTPONED"], to: "FIRST_HALF" },
	GOAL: { from: IN_PLAY, to: null },
	HALF_TIME: { from: ["FIRST_HALF"], to: "HALF_TIME" },
	SECOND_HALF: { from: ["HALF_TIME"], to: "SECOND_HALF" },
	EXTRA_TIME: { from: ["SECOND_HALF"], to: "EXTRA_TIME" },
	PENALTY_SHOOTOUT: { from: ["SECOND_HALF", "EXTRA_TIME"], to: "SHOOTOUT" },
	SHOOTOUT_KICK: { from: ["SHOOTOUT"], to: null },
	FULL_TIME: { from: ["SECOND_HALF", "EXTRA_TIME", "SHOOTOUT"], to: "FINISHED" },
	SUSPENDED: { from: [...IN_PLAY, "HALF_TIME"], to: "SUSPENDED" },
	POSTPONED: { from: ["NOT_STARTED"], to: "POSTPONED" },
	CANCELLED: { from: ["NOT_STARTED", "POSTPONED", "SUSPENDED"], to: "CANCELLED" },
};

const WHAT_PHASE_MEANS: Record<Phase, string> = {
	NOT_STARTED: "has not kicked off",
	FIRST_HALF: "is in its first half",
	HALF_TIME: "is at half time",
	SECOND_HALF: "is in its second half",
	EXTRA_TIME: "is in extra time",
	SHOOTOUT: "is in its penalty shoot-out",
	FINISHED: "is over (full time)",
	SUSPENDED: "is suspended",
	POSTPONED: "is postponed",
	CANCELLED: "is cancelled",
};

const zero = (): ScoreLine => ({ home: 0, away: 0 });
const empty = (): ScoreLine => ({ home: null, away: null });

/** The state of a match no event has touched: as its source has it. */
export function stateOf(match: Match): LiveState {
	return {
		phase: "NOT_STARTED",
		status: match.status,
		minute: null,
		injuryTime: null,
		score: match.score,
		goals: match.goals,
		reached: { extraTime: false, shootout: false },
		last: null,
	};
}

/** The minute an event gives, if it gives one: a whistle without one is blown "now". */
function clockOf(event: LiveEvent): [number, number] | null {
	return event.minute === null ? null : [event.minute, event.injuryTime ?? 0];
}

function isBefore(a: [number, number], b: [number, number]): boolean {
	return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/** Why `event` cannot follow the events that made `state`, or null when it can. */
export function refusalOf(state: LiveState, event: LiveEvent): string | null {
	const rule = TRANSITIONS[event.type];
	if (!rule.from.includes(state.phase))
		return `A ${event.type} cannot come now: the match ${WHAT_PHASE_MEANS[state.phase]}.`;
	if ((event.type === "GOAL" || event.type === "SHOOTOUT_KICK") && event.side === null)
		return `A ${event.type} needs the team it counts for: "team" is HOME, AWAY or the id of one of the two teams.`;
	if (event.type === "GOAL" && !event.scorer) return 'A GOAL needs its "scorer".';
	if (event.type === "GOAL" && event.minute === null) return 'A GOAL needs its "minute".';
	if (event.type === "SHOOTOUT_KICK" && event.scored === null)
		return 'A SHOOTOUT_KICK needs "scored": true or false.';
	if (event.penalty && event.ownGoal) return "A goal is a penalty or an own goal, not both.";
	const clock = clockOf(event);
	const last =
		state.minute === null ? null : ([state.minute, state.injuryTime ?? 0] as [number, number]);
	if (clock && last && isBefore(clock, last))
		return `The minute ${formatMinute(clock)} is before the match's last event (${formatMinute(last)}).`;
	if (event.type === "FULL_TIME" && state.phase === "SHOOTOUT") {
		const { home, away } = state.score.penalties;
		if (home === away)
			return `The shoot-out has no winner yet (${home}–${away}): FULL_TIME comes after the deciding kick.`;
	}
	return null;
}

function formatMinute([minute, added]: [number, number]): string {
	return added > 0 ? `${minute}+${added}` : String(minute);
}

function plusOne(line: ScoreLine, side: Side): ScoreLine {
	const home = line.home ?? 0;
	const away = line.away ?? 0;
	return side === "HOME" ? { home: home + 1, away } : { home, away: away + 1 };
}

function winnerOf(line: ScoreLine, decidedOnPenalties: boolean): Winner {
	if (line.home === null || line.away === null) return null;
	if (line.home > line.away) return "HOME_TEAM";
	if (line.home < line.away) return "AWAY_TEAM";
	return decidedOnPenalties ? null : "DRAW";
}

function durationOf(reached: LiveState["reached"]): Duration {
	return reached.shootout ? "PENALTY_SHOOTOUT" : reached.extraTime ? "EXTRA_TIME" : "REGULAR";
}

/**
 * The score as the model keeps it, cumulative like openfootball's: half time while the first half
 * is played, full time (after 90) while the second is, extra time (after 120) while it is played.
 */
function scoreAfterGoal(state: LiveState, side: Side): Score {
	const score = { ...state.score };
	if (state.phase === "FIRST_HALF") score.halfTime = plusOne(score.halfTime, side);
	if (state.phase === "EXTRA_TIME") score.extraTime = plusOne(score.extraTime, side);
	else score.fullTime = plusOne(score.fullTime, side);
	return score;
}

/** The decisive line of the score so far, and who leads on it. */
function withWinner(score: Score, reached: LiveState["reached"]): Score {
	const duration = durationOf(reached);
	const decisive =
		duration === "PENALTY_SHOOTOUT"
			? score.penalties
			: duration === "EXTRA_TIME"
				? score.extraTime
				: score.fullTime;
	return { ...score, duration, winner: winnerOf(decisive, duration === "PENALTY_SHOOTOUT") };
}

/** The state after `event`, which `refusalOf` has let through. */
export function applyEvent(state: LiveState, event: LiveEvent, match: Match): LiveState {
	const rule = TRANSITIONS[event.type];
	const phase = rule.to ?? state.phase;
	let { score, goals, reached } = state;
	if (event.type === "KICK_OFF") {
		score = {
			...score,
			fullTime: zero(),
			halfTime: zero(),
			extraTime: empty(),
			penalties: empty(),
		};
		goals = [];
		reached = { extraTime: false, shootout: false };
	}
	if (event.type === "EXTRA_TIME") {
		score = { ...score, extraTime: { ...score.fullTime } };
		reached = { ...reached, extraTime: true };
	}
	if (event.type === "PENALTY_SHOOTOUT") {
		if (!reached.extraTime) score = { ...score, extraTime: { ...score.fullTime } };
		score = { ...score, penalties: zero() };
		reached = { extraTime: true, shootout: true };
	}
	if (event.type === "GOAL" && event.side) {
		score = scoreAfterGoal(state, event.side);
		const goal: Goal = {
			minute: event.minute ?? 0,
			injuryTime: event.injuryTime,
			scorer: { name: event.scorer ?? "" },
			team: event.side === "HOME" ? match.homeTeam : match.awayTeam,
			penalty: event.penalty,
			ownGoal: event.ownGoal,
		};
		goals = [...goals, goal];
	}
	if (event.type === "SHOOTOUT_KICK" && event.side && event.scored)
		score = { ...score, penalties: plusOne(score.penalties, event.side) };
	const inPlay = IN_PLAY.includes(phase) || phase === "SHOOTOUT";
	const opens = rule.to === null ? undefined : PHASE_START_MINUTE[rule.to];
	const clock =
		clockOf(event) ??
		(opens !== undefined
			? ([opens, 0] as [number, number])
			: state.minute === null
				? null
				: ([state.minute, state.injuryTime ?? 0] as [number, number]));
	const started = state.phase !== "NOT_STARTED" || event.type === "KICK_OFF";
	return {
		phase,
		status: phase === "NOT_STARTED" ? state.status : STATUS_OF[phase],
		minute: inPlay && clock ? clock[0] : null,
		injuryTime: inPlay && clock ? clock[1] || null : null,
		score: started ? withWinner(score, reached) : score,
		goals,
		reached,
		last: event,
	};
}

/** The state a match's journal adds up to; the events are valid in this order (the journal checked them). */
export function foldEvents(match: Match, events: LiveEvent[]): LiveState {
	return events.reduce((state, event) => applyEvent(state, event, match), stateOf(match));
}

/**
 * The master match with its journal folded in: status, score, goals and the clock replaced by
 * what the events say. Only the match's fixed facts (teams, date, competition) come from the
 * source, so folding the whole journal again over a match already folded gives the same match.
 */
export function withLiveEvents(match: Match, events: LiveEvent[]): Match {
	if (events.length === 0) return match;
	const state = foldEvents(baseOf(match), events);
	const folded: Match = {
		...match,
		status: state.status,
		score: state.score,
		goals: state.goals,
		minute: state.minute,
		injuryTime: state.injuryTime,
	};
	if (state.last) folded.lastEvent = lastEventOf(state.last);
	return folded;
}

/** The match before any event of its journal: live fields dropped. */
function baseOf(match: Match): Match {
	const { minute: _minute, injuryTime: _injuryTime, lastEvent: _lastEvent, ...base } = match;
	return base;
}

function lastEventOf(event: LiveEvent): NonNullable<Match["lastEvent"]> {
	return {
		id: event.id,
		type: event.type,
		minute: event.minute,
		injuryTime: event.injuryTime,
		team: event.side,
		scorer: event.scorer,
	};
}
