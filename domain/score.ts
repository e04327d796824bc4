// Scores and goals: from openfootball's `score` object and goal lists to the model's.
import type { Duration, Goal, MatchStatus, Score, ScoreLine, TeamRef, Winner } from "./model";

/** openfootball's score: every part optional, `{}` before the match is played. */
export interface RawScore {
	ht?: number[];
	ft?: number[];
	et?: number[];
	p?: number[];
}

export interface RawGoal {
	name: string;
	minute: number | string;
	offset?: number;
	penalty?: boolean;
	owngoal?: boolean;
}

const EMPTY_LINE: ScoreLine = { home: null, away: null };

function line(pair: number[] | undefined): ScoreLine {
	if (!pair || pair.length !== 2) return { ...EMPTY_LINE };
	return { home: pair[0], away: pair[1] };
}

/** Who won, on the last part of the match that was played. Equal penalties are unknown (null). */
function winnerOf(decisive: ScoreLine, isShootout: boolean): Winner {
	if (decisive.home === null || decisive.away === null) return null;
	if (decisive.home > decisive.away) return "HOME_TEAM";
	if (decisive.home < decisive.away) return "AWAY_TEAM";
	return isShootout ? null : "DRAW";
}

export function normaliseScore(raw: RawScore | undefined): Score {
	const score = raw ?? {};
	const duration: Duration = score.p ? "PENALTY_SHOOTOUT" : score.et ? "EXTRA_TIME" : "REGULAR";
	const fullTime = line(score.ft);
	const extraTime = line(score.et);
	const penalties = line(score.p);
	const decisive =
		duration === "PENALTY_SHOOTOUT"
			? penalties
			: duration === "EXTRA_TIME"
				? extraTime
				: fullTime;
	return {
		winner: winnerOf(decisive, duration === "PENALTY_SHOOTOUT"),
		duration,
		fullTime,
		halfTime: line(score.ht),
		extraTime,
		penalties,
	};
}

/** openfootball's exceptions, as football-data.org names them (both spellings of cancelled). */
const SOURCE_STATUSES: Record<string, MatchStatus> = {
	awarded: "AWARDED",
	postponed: "POSTPONED",
	cancelled: "CANCELLED",
	canceled: "CANCELLED",
	abandoned: "SUSPENDED",
};

/**
 * The match status: openfootball marks only the exceptions; a score means played (a few files
 * give only the score after extra time, or only the shoot-out's).
 */
export function matchStatus(
	raw: RawScore | undefined,
	sourceStatus: string | undefined,
): MatchStatus {
	const exception = sourceStatus ? SOURCE_STATUSES[sourceStatus] : undefined;
	if (exception) return exception;
	return raw?.ft || raw?.et || raw?.p ? "FINISHED" : "SCHEDULED";
}

/**
 * Reads a goal minute: a number (2022 files) or a string such as "67" or "90+4" (2026 files).
 * A separate `offset` (2022 files) gives the added time.
 */
export function parseMinute(
	minute: number | string,
	offset?: number,
): { minute: number; injuryTime: number | null } {
	if (typeof minute === "number" && Number.isInteger(minute) && minute >= 0) {
		return { minute, injuryTime: offset ?? null };
	}
	const match = /^\s*(\d{1,3})\s*'?\s*(?:\+\s*(\d{1,2}))?\s*'?\s*$/.exec(String(minute));
	if (!match) throw new Error(`Unreadable goal minute "${minute}"`);
	const added = match[2] !== undefined ? Number(match[2]) : (offset ?? null);
	return { minute: Number(match[1]), injuryTime: added };
}

/** Goals of both teams in match order (by minute, then added time). */
export function normaliseGoals(
	home: RawGoal[] | undefined,
	away: RawGoal[] | undefined,
	homeTeam: TeamRef,
	awayTeam: TeamRef,
): Goal[] {
	const toGoal =
		(team: TeamRef) =>
		(raw: RawGoal): Goal => ({
			...parseMinute(raw.minute, raw.offset),
			scorer: { name: raw.name },
			team,
			penalty: raw.penalty === true,
			ownGoal: raw.owngoal === true,
		});
	const goals = [...(home ?? []).map(toGoal(homeTeam)), ...(away ?? []).map(toGoal(awayTeam))];
	return goals.sort((a, b) => a.minute - b.minute || (a.injuryTime ?? 0) - (b.injuryTime ?? 0));
}
