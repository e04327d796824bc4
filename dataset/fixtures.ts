// Fixtures of generated leagues: who plays whom in which round, and on which day.
import type { Random } from "./random";

const DAY_MS = 86_400_000;

/**
 * A double round robin by the circle method: every team meets every other twice, once at
 * home; the second half mirrors the first with venues swapped. An odd number of teams gives
 * each round one team a rest.
 */
export function doubleRoundRobin<T>(teams: readonly T[]): Array<Array<[T, T]>> {
	const slots: Array<T | null> = teams.length % 2 === 0 ? [...teams] : [...teams, null];
	const firstHalf: Array<Array<[T, T]>> = [];
	for (let round = 0; round < slots.length - 1; round++) {
		firstHalf.push(roundPairs(slots, round));
		slots.splice(1, 0, slots.pop()!); // the first slot stays, the others turn one place
	}
	return [
		...firstHalf,
		...firstHalf.map(pairs => pairs.map(([home, away]): [T, T] => [away, home])),
	];
}

function roundPairs<T>(slots: Array<T | null>, round: number): Array<[T, T]> {
	const pairs: Array<[T, T]> = [];
	for (let i = 0; i < slots.length / 2; i++) {
		const a = slots[i];
		const b = slots[slots.length - 1 - i];
		if (a === null || b === null) continue;
		// Venues by pair parity: as the teams turn, each moves to a pair of the other parity and so
		// mostly alternates home and away; the fixed team alternates by round.
		const firstAtHome = i === 0 ? round % 2 === 0 : i % 2 === 0;
		pairs.push(firstAtHome ? [a, b] : [b, a]);
	}
	return pairs;
}

/** When a round is played: the Friday of its weekend, or the Tuesday of a midweek round. */
export interface RoundSlot {
	day: string;
	midweek: boolean;
}

/**
 * Spreads `rounds` over a season of `weeks` weekends from `firstFriday` (YYYY-MM-DD). Rounds
 * beyond the number of weekends go midweek, as leagues of 24 teams do.
 */
export function roundSlots(firstFriday: string, weeks: number, rounds: number): RoundSlot[] {
	const slots: RoundSlot[] = [];
	let previousWeek = -1;
	for (let round = 0; round < rounds; round++) {
		const week = Math.floor((round * weeks) / rounds);
		const midweek = week === previousWeek;
		slots.push({ day: addDays(firstFriday, week * 7 + (midweek ? 4 : 0)), midweek });
		previousWeek = week;
	}
	return slots;
}

const WEEKEND_DAYS: Array<readonly [number, number]> = [
	[0, 8],
	[1, 50],
	[2, 37],
	[3, 5],
]; // Friday to Monday
const MIDWEEK_DAYS: Array<readonly [number, number]> = [
	[0, 50],
	[1, 50],
]; // Tuesday, Wednesday

/** The day of one match of a round: mostly Saturday and Sunday, some Friday and Monday. */
export function matchDay(random: Random, slot: RoundSlot): string {
	return addDays(slot.day, random.weighted(slot.midweek ? MIDWEEK_DAYS : WEEKEND_DAYS));
}

export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Friday on or before `day`. */
export function fridayOnOrBefore(day: string): string {
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // Sunday 0 … Saturday 6
	return addDays(day, -((weekday + 2) % 7));
}

/** Whole weeks from `from` to `to`, both YYYY-MM-DD. */
export function weeksBetween(from: string, to: string): number {
	return Math.floor(
		(Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * DAY_MS),
	);
}
