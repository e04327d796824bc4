// @ts-check
// A list of matches: kick-off, the two teams with their badges, and the score as people write
// it ("3–3 (a.e.t.), 4–2 pens"), the half-time score in small print.
import { el, kickOff, teamLink } from "./dom.js";
import { describeScore, outcomeFor, roundLabel, stageName } from "./format.js";

const OUTCOME_WORDS = { W: "Won", D: "Drawn", L: "Lost" };

/** While a match is played: its minute ("23'", "90+4'"), or HT at half time. @param {import("./format.js").Match} match */
function clock(match) {
	if (match.status === "PAUSED") return el("span", { class: "minute" }, "HT");
	if (match.status !== "IN_PLAY" || match.minute === null || match.minute === undefined)
		return null;
	const added = match.injuryTime ? `+${match.injuryTime}` : "";
	return el("span", { class: "minute" }, `${match.minute}${added}′`);
}

/** @param {import("./format.js").Match} match @param {boolean} [linked] the score links to the match's page */
function scoreCell(match, linked = false) {
	const { result, extra, halfTime } = describeScore(match.score);
	// In the first half the half-time score is the score: shown once it is one.
	const firstHalf = match.status === "IN_PLAY" && (match.minute ?? 0) <= 45;
	const cell = scoreOf(match, result, extra, firstHalf ? null : halfTime);
	const withClock = clock(match);
	if (withClock) cell.append(withClock);
	if (!linked) return cell;
	return el(
		"a",
		{ class: "score-link", href: `#/matches/${encodeURIComponent(match.id)}` },
		cell,
	);
}

/** @param {import("./format.js").Match} match @param {string | null} result @param {string} extra @param {string | null} halfTime */
function scoreOf(match, result, extra, halfTime) {
	if (!result)
		return el(
			"span",
			{ class: "score score-pending" },
			match.status === "SCHEDULED" ? "vs" : match.status.toLowerCase(),
		);
	return el(
		"span",
		{ class: "score" },
		el("strong", {}, result),
		extra ? el("span", { class: "score-extra" }, extra) : null,
		halfTime ? el("small", { class: "half-time" }, halfTime) : null,
	);
}

/** @param {import("./format.js").Match} match @param {string} teamId */
function outcomeBadge(match, teamId) {
	const outcome = outcomeFor(match, teamId);
	if (!outcome) return null;
	return el(
		"span",
		{ class: `outcome outcome-${outcome}`, title: OUTCOME_WORDS[outcome] },
		el("span", { "aria-hidden": "true" }, outcome),
		el("span", { class: "visually-hidden" }, OUTCOME_WORDS[outcome]),
	);
}

/**
 * @param {import("./format.js").Match[]} matches
 * @param {string} context the competition season of team links: "/PL/2024"
 * @param {string} label what the list is, for assistive technology
 * @param {{ teamId?: string, showRound?: boolean, linkMatches?: boolean }} [options] a team's results show its outcome and each match's round; live lists link each match's page
 */
export function matchList(matches, context, label, options = {}) {
	const items = matches.map(match => {
		const when = [
			kickOff(match.utcDate),
			options.showRound ? roundLabel(match) : null,
			match.group ? stageName(match.group) : null,
		];
		return el(
			"li",
			{ class: "match", "data-match": match.id },
			el(
				"p",
				{ class: "match-when" },
				el("time", { datetime: match.utcDate }, when.filter(Boolean).join(" · ")),
			),
			el(
				"div",
				{ class: "match-line" },
				el("span", { class: "home" }, teamLink(match.homeTeam, context)),
				scoreCell(match, options.linkMatches),
				el("span", { class: "away" }, teamLink(match.awayTeam, context)),
				options.teamId ? outcomeBadge(match, options.teamId) : null,
			),
		);
	});
	return el("ol", { class: "matches", "aria-label": label }, ...items);
}
