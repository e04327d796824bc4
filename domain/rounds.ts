// Rounds: openfootball's free-text `round` to football-data.org's stage and matchday.

export interface Round {
	stage: string;
	matchday: number | null;
}

const KNOCKOUT_STAGES: Array<[RegExp, string]> = [
	[/round of (\d+)/i, "LAST_$1"],
	[/quarter-?finals?/i, "QUARTER_FINALS"],
	[/semi-?finals?/i, "SEMI_FINALS"],
	[/third[- ]place/i, "THIRD_PLACE"],
	[/^(finals, )?final$/i, "FINAL"],
];

/**
 * Reads a round such as "Matchday 12", "League, Matchday 3", "Finals, Round of 16" or "Final".
 * @param hasGroup the match belongs to a group (a cup's group stage)
 * @param isLeague the competition is a league (its matchdays are its regular season)
 */
export function parseRound(round: string, hasGroup: boolean, isLeague: boolean): Round {
	// "Matchday 12" and, in older files, "12. Round"; a phase may come first ("Relegation, Matchday 3").
	const matchday = /^(?:(.+?),\s*)?(?:matchday (\d+)|(\d+)\. round)$/i.exec(round.trim());
	if (matchday) {
		const day = Number(matchday[2] ?? matchday[3]);
		const phase = matchday[1];
		if (phase && /^playoffs?$/i.test(phase)) return { stage: "PLAYOFFS", matchday: day };
		if (phase && /^league$/i.test(phase)) return { stage: "LEAGUE_STAGE", matchday: day };
		if (phase && !/^(regular|group)$/i.test(phase)) {
			return { stage: stageName(phase), matchday: day };
		}
		if (hasGroup) return { stage: "GROUP_STAGE", matchday: day };
		return { stage: isLeague ? "REGULAR_SEASON" : "GROUP_STAGE", matchday: day };
	}
	for (const [pattern, stage] of KNOCKOUT_STAGES) {
		const found = pattern.exec(round);
		if (found) return { stage: stage.replace("$1", found[1] ?? ""), matchday: null };
	}
	return { stage: stageName(round), matchday: null };
}

/** A phase in football-data.org's style: "Playoffs - Relegation" → "PLAYOFFS_RELEGATION". */
function stageName(text: string): string {
	return text
		.normalize("NFD")
		.replace(/\p{M}/gu, "")
		.toUpperCase()
		.replace(/[^A-Z0-9]+/g, "_")
		.replace(/^_|_$/g, "");
}

/** "Group A" → "GROUP_A". */
export function parseGroup(group: string | undefined): string | null {
	if (!group) return null;
	return group.trim().toUpperCase().replace(/\s+/g, "_");
}
