// A match as football-data.org v4 shows it, built from a master match: v4 splits a long match
// into regular time, extra time and the shoot-out, where openfootball keeps cumulative scores.
// Shared by every service that answers in v4's shape (v2.results, v2.matches).
import type { Match, ScoreLine } from "./model";

/** A match as football-data.org v4 shows it. */
export interface V4Match {
	id: string;
	competition: { code: string; name: string };
	season: { year: number };
	utcDate: string;
	status: Match["status"];
	matchday: number | null;
	stage: string;
	group: string | null;
	homeTeam: Match["homeTeam"];
	awayTeam: Match["awayTeam"];
	score: {
		winner: Match["score"]["winner"];
		duration: Match["score"]["duration"];
		/** The final result: regular time, plus extra time and the shoot-out where played. */
		fullTime: ScoreLine;
		halfTime: ScoreLine;
		/** Present when the match went beyond 90 minutes: the score after 90. */
		regularTime?: ScoreLine;
		/** Goals scored in extra time only. */
		extraTime?: ScoreLine;
		penalties?: ScoreLine;
	};
	goals: Match["goals"];
	/** While the match is in play (IN_PLAY, PAUSED), the minute of its last event; else null. */
	minute: number | null;
	injuryTime: number | null;
}

function plus(a: ScoreLine, b: ScoreLine): ScoreLine {
	if (a.home === null || a.away === null || b.home === null || b.away === null)
		return { home: null, away: null };
	return { home: a.home + b.home, away: a.away + b.away };
}

function minus(a: ScoreLine, b: ScoreLine): ScoreLine {
	if (a.home === null || a.away === null || b.home === null || b.away === null)
		return { home: null, away: null };
	return { home: a.home - b.home, away: a.away - b.away };
}

/** v1 keeps openfootball's cumulative scores; v4 splits extra time and adds the shoot-out to the final result. */
export function toV4Match(match: Match): V4Match {
	const { score } = match;
	const v4Score: V4Match["score"] = {
		winner: score.winner,
		duration: score.duration,
		fullTime: score.fullTime,
		halfTime: score.halfTime,
	};
	if (score.duration !== "REGULAR") {
		const afterExtraTime = score.extraTime;
		v4Score.regularTime = score.fullTime;
		v4Score.extraTime = minus(afterExtraTime, score.fullTime);
		v4Score.fullTime = afterExtraTime;
		if (score.duration === "PENALTY_SHOOTOUT") {
			v4Score.penalties = score.penalties;
			v4Score.fullTime = plus(afterExtraTime, score.penalties);
		}
	}
	return {
		id: match.id,
		competition: match.competition,
		season: { year: match.season },
		utcDate: match.utcDate,
		status: match.status,
		matchday: match.matchday,
		stage: match.stage,
		group: match.group,
		homeTeam: match.homeTeam,
		awayTeam: match.awayTeam,
		score: v4Score,
		goals: match.goals,
		minute: match.minute ?? null,
		injuryTime: match.injuryTime ?? null,
	};
}
