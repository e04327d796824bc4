// Top scorers: each rule of domain/scorers.ts on small made-up matches.
import type { Goal, Match, TeamRef } from "../../../domain/model";
import { linkName, type SquadPlayer, topScorers } from "../../../domain/scorers";

const team = (id: string): TeamRef => ({ id, name: id.toUpperCase(), tla: id.slice(0, 3) });
const FRA = team("france");
const POR = team("portugal");

function goal(name: string, by: TeamRef, extra: Partial<Goal> = {}): Goal {
	return {
		minute: 10,
		injuryTime: null,
		scorer: { name },
		team: by,
		penalty: false,
		ownGoal: false,
		...extra,
	};
}

let n = 0;
function match(
	season: number,
	goals: Goal[],
	home = FRA,
	away = POR,
	ft?: [number, number],
): Match {
	const homeGoals = goals.filter(g => g.team.id === home.id).length;
	const [h, a] = ft ?? [homeGoals, goals.length - homeGoals];
	return {
		id: `m${n++}`,
		competition: { code: "WC", name: "World Cup" },
		season,
		utcDate: `${season}-06-01T18:00:00Z`,
		status: "FINISHED",
		matchday: null,
		stage: "GROUP_STAGE",
		group: null,
		homeTeam: home,
		awayTeam: away,
		score: {
			winner: null,
			duration: "REGULAR",
			fullTime: { home: h, away: a },
			halfTime: { home: null, away: null },
			extraTime: { home: null, away: null },
			penalties: { home: null, away: null },
		},
		goals,
	};
}

describe("linkName", () => {
	test("a name stands for itself, however it is accented or cased", () => {
		expect(linkName("julian alvarez", ["Julián Álvarez"])).toBe("Julián Álvarez");
	});
	test("a short name stands for the only longer name it ends", () => {
		expect(linkName("Mbappé", ["Kylian Mbappé", "Olivier Giroud"])).toBe("Kylian Mbappé");
		expect(linkName("Di María", ["Ángel Di María"])).toBe("Ángel Di María");
	});
	test("two candidates link to neither, and a word in the middle is no ending", () => {
		expect(linkName("Silva", ["Bernardo Silva", "André Silva"])).toBeNull();
		expect(linkName("Kylian", ["Kylian Mbappé"])).toBeNull();
	});
});

describe("topScorers", () => {
	test("own goals count for nobody, penalties are counted, and short names merge", () => {
		const table = topScorers(
			[
				match(2022, [
					goal("Kylian Mbappé", FRA, { penalty: true }),
					goal("Mbappé", FRA),
					goal("Rúben Dias", FRA, { ownGoal: true }),
				]),
			],
			[],
		);
		expect(table.rows).toEqual([
			{
				player: { id: null, name: "Kylian Mbappé", otherNames: ["Mbappé"] },
				team: FRA,
				goals: 2,
				penalties: 1,
				playedMatches: 1,
			},
		]);
	});

	test("the same surname on two teams is two players", () => {
		const table = topScorers(
			[match(2022, [goal("Silva", FRA), goal("Bernardo Silva", POR)])],
			[],
		);
		expect(table.rows.map(row => [row.team.id, row.player.name])).toEqual([
			["portugal", "Bernardo Silva"],
			["france", "Silva"],
		]);
	});

	test("a scorer is linked to his team's squad player, and two names of one player become one row", () => {
		const squads: SquadPlayer[] = [
			{
				id: "portugal-cristiano-ronaldo",
				name: "Cristiano Ronaldo",
				team: { id: "portugal" },
			},
		];
		const table = topScorers(
			[
				match(2022, [goal("Cristiano Ronaldo", POR)]),
				// "Ronaldo" alone in another season links to the squad, and merges with the full name.
				match(2018, [goal("Ronaldo", POR), goal("Ronaldo", POR)]),
			],
			squads,
		);
		expect(table.rows).toEqual([
			{
				player: {
					id: "portugal-cristiano-ronaldo",
					name: "Cristiano Ronaldo",
					otherNames: ["Ronaldo"],
				},
				team: POR,
				goals: 3,
				penalties: 0,
				playedMatches: 2,
			},
		]);
	});

	test("a season whose files name no scorer is left out, and said so; a goalless one is not", () => {
		const table = topScorers(
			[
				match(2014, [], FRA, POR, [2, 1]),
				match(2018, [], FRA, POR, [0, 0]),
				match(2022, [goal("Kylian Mbappé", FRA)]),
			],
			[],
		);
		expect(table.seasons).toEqual([2022]);
		expect(table.seasonsWithoutScorers).toEqual([2014]);
		expect(table.rows.map(row => row.playedMatches)).toEqual([1]);
	});

	test("ranked by goals, then fewer penalties, then fewer matches, then name", () => {
		const table = topScorers(
			[
				match(2022, [
					goal("B Two", FRA),
					goal("B Two", FRA),
					goal("A Pen", FRA, { penalty: true }),
					goal("A Pen", FRA),
					goal("C One", POR),
					goal("D One", POR),
				]),
			],
			[],
		);
		expect(table.rows.map(row => row.player.name)).toEqual([
			"B Two",
			"A Pen",
			"C One",
			"D One",
		]);
	});
});
