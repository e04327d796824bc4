// @ts-check
// How the dashboard writes football facts: scores as people read them, rounds, seasons,
// positions. Pure functions of the API's data (no DOM), unit-tested in test/unit.

/**
 * @typedef {{ home: number | null, away: number | null }} ScoreLine
 * @typedef {{ id: string, name: string, tla: string }} TeamRef
 * @typedef {{
 *   winner: "HOME_TEAM" | "AWAY_TEAM" | "DRAW" | null,
 *   duration: "REGULAR" | "EXTRA_TIME" | "PENALTY_SHOOTOUT",
 *   fullTime: ScoreLine, halfTime: ScoreLine,
 *   regularTime?: ScoreLine, extraTime?: ScoreLine, penalties?: ScoreLine
 * }} V4Score
 * @typedef {{
 *   id: string, utcDate: string, status: string, matchday: number | null, stage: string, group: string | null,
 *   competition: { code: string, name: string }, season: { year: number },
 *   homeTeam: TeamRef, awayTeam: TeamRef, score: V4Score,
 *   minute?: number | null, injuryTime?: number | null,
 *   goals?: Array<{ minute: number, injuryTime: number | null, scorer: { name: string }, team: TeamRef, penalty: boolean, ownGoal: boolean }>
 * }} Match
 * @typedef {{ key: string, label: string, matches: Match[] }} Round
 * @typedef {{ position: number, team: TeamRef & { shortName?: string }, playedGames: number, won: number, draw: number, lost: number,
 *   points: number, goalsFor: number, goalsAgainst: number, goalDifference: number, form: string | null }} TableRow
 * @typedef {{ competition: { code: string, name: string }, season: number, stage: string, group: string | null, table: TableRow[] }} Standing
 */

const DASH = "\u2013";

/** "2–1", or null while a side has no score. @param {ScoreLine | undefined} line */
export function scoreLine(line) {
	if (!line || line.home === null || line.away === null) return null;
	return `${line.home}${DASH}${line.away}`;
}

/** @param {ScoreLine | undefined} a @param {ScoreLine | undefined} b @returns {ScoreLine | undefined} */
function plus(a, b) {
	if (!a || !b || a.home === null || a.away === null || b.home === null || b.away === null)
		return undefined;
	return { home: a.home + b.home, away: a.away + b.away };
}

/**
 * A match's score as people write it. The API (football-data.org v4's shape) adds the shoot-out
 * to `fullTime` (the 2022 final: 7–5); people write the score after extra time and the
 * shoot-out apart: "3–3 (a.e.t.), 4–2 pens". The half-time score is kept apart, for small print.
 * @param {V4Score} score
 * @returns {{ result: string | null, extra: string, halfTime: string | null }}
 */
export function describeScore(score) {
	const halfTime = scoreLine(score.halfTime);
	const ht = halfTime ? `HT ${halfTime}` : null;
	if (score.duration === "REGULAR")
		return { result: scoreLine(score.fullTime), extra: "", halfTime: ht };
	// After 120 minutes: regular time plus the goals of extra time.
	const afterExtraTime =
		plus(score.regularTime, score.extraTime) ??
		(score.duration === "EXTRA_TIME" ? score.fullTime : undefined);
	const result = scoreLine(afterExtraTime);
	if (score.duration === "EXTRA_TIME") return { result, extra: " (a.e.t.)", halfTime: ht };
	const penalties = scoreLine(score.penalties);
	return {
		result,
		extra: penalties ? ` (a.e.t.), ${penalties} pens` : " (a.e.t.)",
		halfTime: ht,
	};
}

/** The whole score on one line: "3–3 (a.e.t.), 4–2 pens". @param {V4Score} score */
export function scoreText(score) {
	const { result, extra } = describeScore(score);
	return result ? result + extra : "";
}

/**
 * W, D or L for `teamId` (a shoot-out is won or lost, as people say); null before the result.
 * @param {Match} match @param {string} teamId
 * @returns {"W" | "D" | "L" | null}
 */
export function outcomeFor(match, teamId) {
	const winner = match.score.winner;
	if (!winner) return null;
	if (winner === "DRAW") return "D";
	const won =
		(winner === "HOME_TEAM" && match.homeTeam.id === teamId) ||
		(winner === "AWAY_TEAM" && match.awayTeam.id === teamId);
	return won ? "W" : "L";
}

/** @type {Record<string, string>} */
const STAGE_NAMES = {
	REGULAR_SEASON: "Regular season",
	LEAGUE_STAGE: "League phase",
	GROUP_STAGE: "Group stage",
	PLAYOFFS: "Knockout play-offs",
	LAST_32: "Round of 32",
	LAST_16: "Round of 16",
	QUARTER_FINALS: "Quarter-finals",
	SEMI_FINALS: "Semi-finals",
	THIRD_PLACE: "Third place",
	FINAL: "Final",
};

/** "QUARTER_FINALS" → "Quarter-finals", "GROUP_A" → "Group A". @param {string} stage */
export function stageName(stage) {
	if (STAGE_NAMES[stage]) return STAGE_NAMES[stage];
	const words = stage.toLowerCase().split("_");
	if (words[0] === "group" && words.length === 2) return `Group ${words[1].toUpperCase()}`;
	const text = words.join(" ");
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Stages whose rounds are just "Matchday N". */
const LEAGUE_STAGES = ["REGULAR_SEASON", "LEAGUE_STAGE"];

/** A round's key in the URL: "md-12", "group-stage-3", "final". @param {Match} match */
export function roundKey(match) {
	const stage = match.stage.toLowerCase().replace(/_/g, "-");
	if (match.matchday === null) return stage;
	return LEAGUE_STAGES.includes(match.stage)
		? `md-${match.matchday}`
		: `${stage}-${match.matchday}`;
}

/** "Matchday 12", "Group stage · Matchday 3", "Final". @param {Match} match */
export function roundLabel(match) {
	if (match.matchday === null) return stageName(match.stage);
	const matchday = `Matchday ${match.matchday}`;
	return match.stage === "REGULAR_SEASON" ? matchday : `${stageName(match.stage)} · ${matchday}`;
}

/**
 * A season's matches by round, rounds in the order they were played, each round's matches by
 * kick-off (then id, so that the order is stable).
 * @param {Match[]} matches
 * @returns {Round[]}
 */
export function roundsOf(matches) {
	/** @type {Map<string, Round & { first: string }>} */
	const rounds = new Map();
	for (const match of matches) {
		const key = roundKey(match);
		const round = rounds.get(key) ?? {
			key,
			label: roundLabel(match),
			matches: [],
			first: match.utcDate,
		};
		round.matches.push(match);
		if (match.utcDate < round.first) round.first = match.utcDate;
		rounds.set(key, round);
	}
	const byKickOff = (/** @type {Match} */ a, /** @type {Match} */ b) =>
		a.utcDate.localeCompare(b.utcDate) || a.id.localeCompare(b.id);
	return [...rounds.values()]
		.sort((a, b) => a.first.localeCompare(b.first) || a.key.localeCompare(b.key))
		.map(({ key, label, matches: roundMatches }) => ({
			key,
			label,
			matches: roundMatches.sort(byKickOff),
		}));
}

/** The round to open on: the latest with a result, else the first. @param {Round[]} rounds */
export function currentRound(rounds) {
	const played = rounds.filter(round =>
		round.matches.some(match => match.status === "FINISHED" || match.status === "AWARDED"),
	);
	return played[played.length - 1] ?? rounds[0];
}

/** "2024/25" for a season across two years, "2022" for one within a year. @param {string} startDate @param {string} endDate */
export function seasonLabel(startDate, endDate) {
	const start = startDate.slice(0, 4);
	const end = endDate.slice(0, 4);
	return start === end ? start : `${start}/${end.slice(2)}`;
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. @param {number} n */
export function ordinal(n) {
	const lastTwo = n % 100;
	if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
	return n + ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
}

/** A stable hue (0–359) for a team's badge, from its TLA. @param {string} tla */
export function badgeHue(tla) {
	let hash = 0;
	for (const char of tla) hash = (hash * 31 + char.charCodeAt(0)) % 360;
	return hash;
}

/** Age in whole years on `today`. @param {string} dateOfBirth "YYYY-MM-DD" @param {Date} today */
export function ageOn(dateOfBirth, today) {
	const [year, month, day] = dateOfBirth.split("-").map(Number);
	const hadBirthday =
		today.getUTCMonth() + 1 > month ||
		(today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
	return today.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
}

/** Where a team stands: "2nd of 20 · 74 pts after 38 matches" ("1st in Group C of 4 · …" in a cup); null if in no table. @param {Standing[]} standings @param {string} teamId */
export function positionOf(standings, teamId) {
	for (const standing of standings) {
		const line = standing.table.find(candidate => candidate.team.id === teamId);
		if (!line) continue;
		const where = standing.group ? ` in ${stageName(standing.group)}` : "";
		return `${ordinal(line.position)}${where} of ${standing.table.length} · ${line.points} pts after ${line.playedGames} matches`;
	}
	return null;
}
