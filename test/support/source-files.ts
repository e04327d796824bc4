// A small openfootball-shaped data folder that a test can write, change and hand to sync.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface RawPlayer {
	number: number;
	pos: "GK" | "DF" | "MF" | "FW";
	name: string;
	club: { name: string; country: string };
	date_of_birth: string;
}

export interface RawMatch {
	round: string;
	date: string;
	time?: string;
	team1: string;
	team2: string;
	score: { ft?: number[]; ht?: number[] };
}

/** The content of a small data set; tests edit it and write it again. */
export interface SourceSet {
	nationalTeams: Array<{ name: string; fifa_code: string }>;
	squads: Array<{ name: string; fifa_code: string; players: RawPlayer[] }>;
	league: RawMatch[];
}

export function smallSourceSet(): SourceSet {
	const player = (number: number, pos: RawPlayer["pos"], name: string): RawPlayer => ({
		number,
		pos,
		name,
		club: { name: "Some Club", country: "ENG" },
		date_of_birth: "1995-01-01",
	});
	return {
		nationalTeams: [
			{ name: "Argentina", fifa_code: "ARG" },
			{ name: "France", fifa_code: "FRA" },
		],
		squads: [
			{
				name: "Argentina",
				fifa_code: "ARG",
				players: [player(10, "FW", "Lionel Messi"), player(23, "GK", "Emiliano Martínez")],
			},
			{
				name: "France",
				fifa_code: "FRA",
				players: [player(10, "FW", "Kylian Mbappé"), player(16, "GK", "Mike Maignan")],
			},
		],
		league: [
			{
				round: "Matchday 1",
				date: "2024-08-16",
				time: "20:00",
				team1: "Manchester United FC",
				team2: "Fulham FC",
				score: { ft: [1, 0] },
			},
			{
				round: "Matchday 1",
				date: "2024-08-17",
				time: "12:30",
				team1: "Ipswich Town FC",
				team2: "Liverpool FC",
				score: { ft: [0, 2] },
			},
		],
	};
}

export class SourceFolder {
	readonly dir = mkdtempSync(join(tmpdir(), "matchday-source-"));

	write(set: SourceSet): void {
		const put = (path: string, content: unknown) => {
			const file = join(this.dir, path);
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(file, JSON.stringify(content));
		};
		put("worldcup/2026/worldcup.teams.json", set.nationalTeams);
		put("worldcup/2026/worldcup.squads.json", set.squads);
		put("worldcup/2026/worldcup.json", {
			name: "World Cup 2026",
			matches: [
				{
					round: "Matchday 1",
					date: "2026-06-12",
					time: "18:00 UTC-7",
					team1: "Argentina",
					team2: "France",
					score: {},
				},
			],
		});
		put("football/2024-25/en.1.json", {
			name: "English Premier League 2024/25",
			matches: set.league,
		});
	}

	remove(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}
