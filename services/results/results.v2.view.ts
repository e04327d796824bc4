// The v2 view of a match: football-data.org's v4 shape, built from a master match, and the
// cursor that pages through it. Pure, so that the projection and the tests share it.
import type { V4Match } from "./results.contract";
import type { Match, ScoreLine } from "../../domain/model";

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
	};
}

/** Where a page ends: the sort key of its last row. Opaque to clients (base64url JSON). */
export interface Cursor {
	utcDate: string;
	id: string;
}

export function encodeCursor(cursor: Cursor): string {
	return Buffer.from(JSON.stringify([cursor.utcDate, cursor.id])).toString("base64url");
}

/** Reads a cursor; null when it is not one of ours. */
export function decodeCursor(text: string): Cursor | null {
	try {
		const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
		if (
			Array.isArray(value) &&
			value.length === 2 &&
			typeof value[0] === "string" &&
			typeof value[1] === "string"
		) {
			return { utcDate: value[0], id: value[1] };
		}
	} catch {
		// not JSON: fall through
	}
	return null;
}
