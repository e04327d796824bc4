// DATA_SOURCE=football-data: football-data.org v4 with the operator's X-Auth-Token. Per
// competition, three requests: the competition (its current season, unless seasons are given),
// then the season's teams with their squads and its matches. Within the plan's limits: every
// answer says how many requests are left this minute, and with none left the next one waits
// for the reset (a 429 waits as long as it says, then tries again). All answers are in before
// anything is imported; one that cannot be had fails the whole read.
import {
	type FdCompetition,
	type FdCompetitionSeason,
	type FdMatchesAnswer,
	type FdTeamsAnswer,
	normaliseFootballData,
	seasonYearOf,
} from "../../../domain/football-data";
import { getWithRetries, RequestBudget, type RetryPolicy, SourceError } from "./http-client";
import { batchesOf, type MasterSource, type SourceRead } from "./source";

export interface FootballDataOptions {
	/** The API's root, `…/v4`. */
	url: string;
	token: string;
	/** Competition codes (PL, BL1, WC…). */
	competitions: string[];
	/** Start years of the seasons to read; empty reads each competition's current season. */
	seasons: number[];
	policy: RetryPolicy;
}

export class FootballDataSource implements MasterSource {
	readonly name = "football-data";
	/** Shared by every request of this node: the limit is the token's, not one read's. */
	private readonly budget = new RequestBudget();

	constructor(
		private readonly options: FootballDataOptions,
		private readonly log: (message: string) => void = () => undefined,
	) {}

	async read(): Promise<SourceRead> {
		const read: FdCompetitionSeason[] = [];
		for (const code of this.options.competitions) {
			const competition = await this.get<FdCompetition>(`/competitions/${code}`);
			for (const season of this.seasonsOf(competition)) {
				const teams = await this.get<FdTeamsAnswer>(
					`/competitions/${code}/teams?season=${season}`,
				);
				const matches = await this.get<FdMatchesAnswer>(
					`/competitions/${code}/matches?season=${season}`,
				);
				read.push({ competition, teams, matches });
			}
		}
		// football-data gives no validators to ask with: the import's comparison finds what changed.
		return { batches: batchesOf(normaliseFootballData(read)), commit: () => undefined };
	}

	private seasonsOf(competition: FdCompetition): number[] {
		if (this.options.seasons.length > 0) return this.options.seasons;
		if (!competition.currentSeason)
			throw new SourceError(
				`football-data: ${competition.code} has no current season; set FOOTBALL_DATA_SEASONS`,
			);
		return [seasonYearOf(competition.currentSeason)];
	}

	private async get<T>(path: string): Promise<T> {
		const url = `${this.options.url.replace(/\/+$/, "")}${path}`;
		const response = await getWithRetries(url, {
			headers: { "x-auth-token": this.options.token, accept: "application/json" },
			policy: this.options.policy,
			budget: this.budget,
			onRetry: (why, wait) => this.log(`${why}; waiting ${wait} ms`),
		});
		try {
			return (await response.json()) as T;
		} catch (err) {
			throw new SourceError(`GET ${url}: not JSON (${(err as Error).message})`);
		}
	}
}
