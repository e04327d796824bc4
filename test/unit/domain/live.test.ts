// The live events' rules and what they add up to (domain/live.ts).
import {
	foldEvents,
	type LiveEvent,
	refusalOf,
	stateOf,
	withLiveEvents,
} from "../../../domain/live";
import type { Match } from "../../../domain/model";
import { toV4Match } from "../../../domain/v4-match";

const argentina = { id: "argentina", name: "Argentina", tla: "ARG" };
const france = { id: "france", name: "France", tla: "FRA" };

/** The 2022 final as its file has it: played, 3–3 after extra time, 4–2 on penalties. */
const FINAL: Match = {
	id: "wc-2022-final-argentina-france",
	competition: { code: "WC", name: "World Cup" },
	season: 2022,
	utcDate: "2022-12-18T15:00:00Z",
	status: "FINISHED",
	matchday: null,
	stage: "Final",
	group: null,
	homeTeam: argentina,
	awayTeam: france,
	score: {
		winner: "HOME_TEAM",
		duration: "PENALTY_SHOOTOUT",
		fullTime: { home: 2, away: 2 },
		halfTime: { home: 2, away: 0 },
		extraTime: { home: 3, away: 3 },
		penalties: { home: 4, away: 2 },
	},
	goals: [],
};

let n = 0;
function event(type: LiveEvent["type"], more: Partial<LiveEvent> = {}): LiveEvent {
	n += 1;
	return {
		id: `e${n}`,
		type,
		minute: null,
		injuryTime: null,
		side: null,
		scorer: null,
		penalty: false,
		ownGoal: false,
		scored: null,
		...more,
	};
}

const goal = (
	side: "HOME" | "AWAY",
	minute: number,
	scorer: string,
	more: Partial<LiveEvent> = {},
) => event("GOAL", { side, minute, scorer, ...more });
const kick = (side: "HOME" | "AWAY", scored: boolean) => event("SHOOTOUT_KICK", { side, scored });

/** The final, event by event, as a live source would have sent it. */
function finalEvents(): LiveEvent[] {
	return [
		event("KICK_OFF"),
		goal("HOME", 23, "Lionel Messi", { penalty: true }),
		goal("HOME", 36, "Ángel Di María"),
		event("HALF_TIME", { minute: 45, injuryTime: 7 }),
		event("SECOND_HALF"),
		goal("AWAY", 80, "Kylian Mbappé", { penalty: true }),
		goal("AWAY", 81, "Kylian Mbappé"),
		event("EXTRA_TIME", { minute: 90, injuryTime: 8 }),
		goal("HOME", 108, "Lionel Messi"),
		goal("AWAY", 118, "Kylian Mbappé", { penalty: true }),
		event("PENALTY_SHOOTOUT"),
		kick("AWAY", true),
		kick("HOME", true),
		kick("AWAY", false),
		kick("HOME", true),
		kick("AWAY", false),
		kick("HOME", true),
		kick("AWAY", true),
		kick("HOME", true),
		event("FULL_TIME"),
	];
}

/** Checks each event against the ones before, as ingest does, and folds it. */
function playAll(match: Match, events: LiveEvent[]) {
	for (let i = 0; i < events.length; i++) {
		expect([events[i].id, refusalOf(foldEvents(match, events.slice(0, i)), events[i])]).toEqual(
			[events[i].id, null],
		);
	}
	return foldEvents(match, events);
}

describe("a match played event by event", () => {
	test("the 2022 final adds up to 3–3 after extra time and 4–2 on penalties, in both versions' shapes", () => {
		const state = playAll(FINAL, finalEvents());
		expect(state.status).toBe("FINISHED");
		expect(state.minute).toBeNull();
		expect(state.score).toEqual(FINAL.score);
		expect(state.goals.map(g => [g.minute, g.scorer.name, g.team.id, g.penalty])).toEqual([
			[23, "Lionel Messi", "argentina", true],
			[36, "Ángel Di María", "argentina", false],
			[80, "Kylian Mbappé", "france", true],
			[81, "Kylian Mbappé", "france", false],
			[108, "Lionel Messi", "argentina", false],
			[118, "Kylian Mbappé", "france", true],
		]);
		const v4 = toV4Match(withLiveEvents(FINAL, finalEvents()));
		expect(v4.score).toMatchObject({
			fullTime: { home: 7, away: 5 },
			regularTime: { home: 2, away: 2 },
			extraTime: { home: 1, away: 1 },
			penalties: { home: 4, away: 2 },
			winner: "HOME_TEAM",
		});
	});

	test("while it is played: IN_PLAY with the minute, PAUSED at half time, the score so far", () => {
		const events = finalEvents();
		const afterFirstGoal = foldEvents(FINAL, events.slice(0, 2));
		expect(afterFirstGoal).toMatchObject({ status: "IN_PLAY", minute: 23, injuryTime: null });
		expect(afterFirstGoal.score).toMatchObject({
			fullTime: { home: 1, away: 0 },
			halfTime: { home: 1, away: 0 },
			winner: "HOME_TEAM",
			duration: "REGULAR",
		});
		expect(foldEvents(FINAL, events.slice(0, 4))).toMatchObject({
			status: "PAUSED",
			minute: null,
		});
		const inExtraTime = foldEvents(FINAL, events.slice(0, 9));
		expect(inExtraTime).toMatchObject({ status: "IN_PLAY", minute: 108 });
		expect(inExtraTime.score).toMatchObject({
			duration: "EXTRA_TIME",
			fullTime: { home: 2, away: 2 },
			extraTime: { home: 3, away: 2 },
		});
		const v4 = toV4Match(withLiveEvents(FINAL, events.slice(0, 2)));
		expect([v4.status, v4.minute, v4.injuryTime]).toEqual(["IN_PLAY", 23, null]);
	});

	test("a match no event has touched keeps what its source says", () => {
		expect(stateOf(FINAL)).toMatchObject({ status: "FINISHED", score: FINAL.score });
		expect(withLiveEvents(FINAL, [])).toBe(FINAL);
	});
});

describe("events that cannot come", () => {
	const kickedOff = [event("KICK_OFF")];
	const cases: Array<[string, LiveEvent[], LiveEvent, RegExp]> = [
		[
			"a goal before kick-off",
			[],
			goal("HOME", 3, "X"),
			/cannot come now: the match has not kicked off/,
		],
		["a goal after full time", finalEvents(), goal("HOME", 121, "X"), /the match is over/],
		[
			"a goal without its team",
			kickedOff,
			event("GOAL", { minute: 5, scorer: "X" }),
			/needs the team/,
		],
		[
			"a goal without a scorer",
			kickedOff,
			event("GOAL", { minute: 5, side: "HOME" }),
			/needs its "scorer"/,
		],
		[
			"a goal back in time",
			[...kickedOff, goal("HOME", 30, "X")],
			goal("AWAY", 12, "Y"),
			/minute 12 is before the match's last event \(30\)/,
		],
		[
			"a second kick-off",
			kickedOff,
			event("KICK_OFF"),
			/cannot come now: the match is in its first half/,
		],
		[
			"full time at half time",
			[...kickedOff, event("HALF_TIME")],
			event("FULL_TIME"),
			/at half time/,
		],
		["a shoot-out kick in play", kickedOff, kick("HOME", true), /cannot come now/],
		[
			"a goal that is a penalty and an own goal",
			kickedOff,
			goal("HOME", 9, "X", { penalty: true, ownGoal: true }),
			/not both/,
		],
		[
			"full time with the shoot-out level",
			[
				...kickedOff,
				event("HALF_TIME"),
				event("SECOND_HALF"),
				event("PENALTY_SHOOTOUT"),
				kick("HOME", true),
				kick("AWAY", true),
			],
			event("FULL_TIME"),
			/no winner yet \(1–1\)/,
		],
		["postponing a match in play", kickedOff, event("POSTPONED"), /cannot come now/],
	];
	test.each(cases)("%s is refused with the reason", (_name, before, next, reason) => {
		expect(refusalOf(foldEvents(FINAL, before), next)).toMatch(reason);
	});

	test("a postponed match may still kick off later, and a suspended one be cancelled", () => {
		const postponed = [event("POSTPONED")];
		expect(foldEvents(FINAL, postponed).status).toBe("POSTPONED");
		expect(refusalOf(foldEvents(FINAL, postponed), event("KICK_OFF"))).toBeNull();
		const suspended = [event("KICK_OFF"), event("SUSPENDED", { minute: 60 })];
		expect(foldEvents(FINAL, suspended).status).toBe("SUSPENDED");
		expect(refusalOf(foldEvents(FINAL, suspended), event("CANCELLED"))).toBeNull();
		expect(refusalOf(foldEvents(FINAL, suspended), goal("HOME", 61, "X"))).toMatch(/suspended/);
	});
});

describe("folding again", () => {
	test("the journal folded over a match already folded gives the same match, byte for byte", () => {
		const events = finalEvents().slice(0, 7);
		const once = withLiveEvents(FINAL, events);
		const stored = JSON.parse(JSON.stringify(once)) as Match;
		expect(JSON.stringify(withLiveEvents(stored, events))).toBe(JSON.stringify(once));
	});

	test("the last event is on the match, for clients that show what just happened", () => {
		const folded = withLiveEvents(FINAL, finalEvents().slice(0, 2));
		expect(folded.lastEvent).toMatchObject({
			type: "GOAL",
			minute: 23,
			team: "HOME",
			scorer: "Lionel Messi",
		});
	});
});
