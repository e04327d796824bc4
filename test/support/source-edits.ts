// Edits a copy of the bundled openfootball data, as a data provider's update would:
// players edited, added and removed; matches scored, added and removed; clubs renamed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../../tools/servers";

interface Squad {
	name: string;
	players: Array<{
		number: number;
		pos: string;
		name: string;
		club: { name: string; country: string };
		date_of_birth: string;
	}>;
}

interface MatchFile {
	name: string;
	matches: Array<{
		round: string;
		date: string;
		time?: string;
		team1: string;
		team2: string;
		score: Record<string, number[]>;
	}>;
}

export class EditableSource {
	readonly dir = mkdtempSync(join(tmpdir(), "matchday-data-"));
	private round = 0;

	constructor() {
		cpSync(join(REPO_ROOT, "data", "openfootball"), this.dir, { recursive: true });
	}

	private read<T>(path: string): T {
		return JSON.parse(readFileSync(join(this.dir, path), "utf8")) as T;
	}

	private write(path: string, content: unknown): void {
		writeFileSync(join(this.dir, path), JSON.stringify(content));
	}

	/**
	 * Changes across kinds: the shirt numbers of `squadCount` squads' players, one player added
	 * and one removed per such squad, `scoredPerLeague` scores set in each 2025/26 league, three
	 * matches removed per league, a club renamed. With the defaults, about 1,500 changes.
	 * Each call changes things differently (so it can be called again).
	 */
	applyChanges(squadCount = 48, scoredPerLeague = 40): void {
		this.round++;
		const round = this.round;
		const squadsPath = "worldcup/2026/worldcup.squads.json";
		const squads = this.read<Squad[]>(squadsPath);
		for (const squad of squads.slice(0, squadCount)) {
			squad.players.forEach((player, i) => (player.number = ((i + round * 7) % 99) + 1));
			squad.players.shift(); // removed
			squad.players.push({
				number: 100 + round,
				pos: "MF",
				name: `Newcomer ${round} of ${squad.name}`,
				club: { name: "Test FC", country: "ENG" },
				date_of_birth: "2005-05-05",
			});
		}
		this.write(squadsPath, squads);

		for (const league of ["en.1", "de.1", "es.1", "it.1", "fr.1"]) {
			const path = `football/2025-26/${league}.json`;
			const file = this.read<MatchFile>(path);
			let scored = 0;
			for (const match of file.matches) {
				if (scored >= scoredPerLeague) break;
				if (!match.score.ft || round > 1) {
					match.score = {
						ft: [(scored + round) % 4, (scored * 3 + round) % 3],
						ht: [0, 0],
					};
					scored++;
				}
			}
			file.matches.splice(file.matches.length - 3, 3); // removed
			if (league === "fr.1") {
				for (const match of file.matches) {
					for (const side of ["team1", "team2"] as const) {
						if (match[side].startsWith("FC Nantes")) match[side] = `FC Nantes ${round}`; // a renamed club: new team, new match ids
					}
				}
			}
			this.write(path, file);
		}
	}

	remove(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}
