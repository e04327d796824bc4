import { parseGroup, parseRound } from "../../../domain/rounds";

describe("parseRound", () => {
	test.each([
		["Matchday 12", false, true, { stage: "REGULAR_SEASON", matchday: 12 }],
		["Matchday 3", true, false, { stage: "GROUP_STAGE", matchday: 3 }],
		["League, Matchday 8", false, false, { stage: "LEAGUE_STAGE", matchday: 8 }],
		["Playoffs, Matchday 1", false, false, { stage: "PLAYOFFS", matchday: 1 }],
		["Round of 32", false, false, { stage: "LAST_32", matchday: null }],
		["Finals, Round of 16", false, false, { stage: "LAST_16", matchday: null }],
		["Quarter-finals", false, false, { stage: "QUARTER_FINALS", matchday: null }],
		["Finals, Quarterfinals", false, false, { stage: "QUARTER_FINALS", matchday: null }],
		["Semi-final", false, false, { stage: "SEMI_FINALS", matchday: null }],
		["Match for third place", false, false, { stage: "THIRD_PLACE", matchday: null }],
		["Final", false, false, { stage: "FINAL", matchday: null }],
		["Finals, Final", false, false, { stage: "FINAL", matchday: null }],
		["Replay (abandoned)", false, false, { stage: "REPLAY_ABANDONED", matchday: null }],
	])("%s → %o", (round, hasGroup, isLeague, expected) => {
		expect(parseRound(round, hasGroup, isLeague)).toEqual(expected);
	});
});

describe("parseGroup", () => {
	test("names groups as football-data.org does", () => {
		expect(parseGroup("Group A")).toBe("GROUP_A");
		expect(parseGroup(undefined)).toBeNull();
	});
});
