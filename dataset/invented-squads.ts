// Invented club squads in openfootball's squad shape: realistic positions, ages, shirt numbers
// and nationalities (mostly the club's country).
import { addDays } from "./fixtures";
import { inventPlayerName, type Language } from "./invented-names";
import type { Random } from "./random";

export type SquadPosition = "GK" | "DF" | "MF" | "FW";

/** One player of a club squad file (the World Cup squads' shape, with `nationality` instead of `club`). */
export interface RawClubPlayer {
	number: number;
	pos: SquadPosition;
	name: string;
	date_of_birth: string;
	/** Country name, as the API filters nationality. */
	nationality: string;
}

export interface Nationality {
	name: string;
	language: Language;
}

export interface SquadOptions {
	home: Nationality;
	/** Where the other players come from. */
	abroad: Nationality[];
	/** Share of players from the club's own country. */
	homeShare: number;
	/** Ages are realistic on this day (the season's start). */
	referenceDate: string;
}

// About 25 players: three goalkeepers, eight defenders, eight midfielders, six forwards, give or take one.
const SIZES: Record<SquadPosition, ReadonlyArray<readonly [number, number]>> = {
	GK: [
		[2, 10],
		[3, 70],
		[4, 20],
	],
	DF: [
		[7, 1],
		[8, 2],
		[9, 1],
	],
	MF: [
		[7, 1],
		[8, 2],
		[9, 1],
	],
	FW: [
		[5, 1],
		[6, 2],
		[7, 1],
	],
};
const POSITIONS: SquadPosition[] = ["GK", "DF", "MF", "FW"];

// The old 1–11 by position still sets first-choice numbers; the rest of a squad takes 12–40, now and then more.
const CLASSIC_NUMBERS: Record<SquadPosition, number[]> = {
	GK: [1],
	DF: [2, 3, 4, 5],
	MF: [6, 8, 10],
	FW: [7, 9, 11],
};

/** A club squad, ordered by shirt number. */
export function inventSquad(random: Random, options: SquadOptions): RawClubPlayer[] {
	const positions = POSITIONS.flatMap(pos =>
		Array.from({ length: random.weighted(SIZES[pos]) }, () => pos),
	);
	const numbers = shirtNumbers(random, positions);
	const names = new Set<string>();
	const players = positions.map((pos, i): RawClubPlayer => {
		const nationality = random.chance(options.homeShare)
			? options.home
			: random.pick(options.abroad);
		return {
			number: numbers[i],
			pos,
			name: uniqueName(random, nationality.language, names),
			date_of_birth: birthDate(random, pos, options.referenceDate),
			nationality: nationality.name,
		};
	});
	return players.sort((a, b) => a.number - b.number);
}

function shirtNumbers(random: Random, positions: SquadPosition[]): number[] {
	const taken = new Set<number>();
	const classicUsed: Record<SquadPosition, number> = { GK: 0, DF: 0, MF: 0, FW: 0 };
	return positions.map(pos => {
		const classic = CLASSIC_NUMBERS[pos][classicUsed[pos]++];
		// Some clubs leave a classic number to a player of another position, or retire it.
		const number =
			classic !== undefined && random.chance(0.85) ? classic : freeNumber(random, taken);
		taken.add(number);
		return number;
	});
}

function freeNumber(random: Random, taken: Set<number>): number {
	for (;;) {
		const number = random.chance(0.9) ? random.int(12, 40) : random.int(41, 99);
		if (!taken.has(number)) return number;
	}
}

function uniqueName(random: Random, language: Language, names: Set<string>): string {
	let name = inventPlayerName(random, language);
	// Two of a name in one squad happens, but rarely; a few tries avoid most of it and the importer numbers the rest.
	for (let tries = 0; names.has(name) && tries < 5; tries++)
		name = inventPlayerName(random, language);
	names.add(name);
	return name;
}

/** Mostly 21–31, from 17 to 38; goalkeepers a little older. */
function birthDate(random: Random, pos: SquadPosition, referenceDate: string): string {
	let age: number;
	do age = pos === "GK" ? random.normal(27.5, 4.5) : random.normal(25.5, 4);
	while (age < 17.05 || age > 38.95);
	return addDays(referenceDate, -Math.round(age * 365.25));
}
