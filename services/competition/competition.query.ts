// One competition with its seasons summed from its matches.
import { notFound } from "../../contracts";
import type { Competition, Match, Season } from "../../domain/model";
import { liveViewById } from "../../mixins/listing";
import type { DocumentCollection } from "../../storage/collections";

type SeasonMatch = Pick<Match, "season" | "matchday" | "status">;

export interface SeasonDetail extends Season {
	year: number;
	numberOfMatches: number;
	playedMatches: number;
	currentMatchday: number | null;
}

export type CompetitionDetail = Omit<Competition, "seasons"> & { seasons: SeasonDetail[] };

const PLAYED = new Set(["FINISHED", "AWARDED"]);

/** A season's summary from its matches. */
export function seasonDetail(season: Season, matches: readonly SeasonMatch[]): SeasonDetail {
	const year = Number(season.id.split("-").at(-1));
	const ofSeason = matches.filter(match => match.season === year);
	const played = ofSeason.filter(match => PLAYED.has(match.status));
	const matchdays = played.flatMap(match =>
		typeof match.matchday === "number" ? [match.matchday] : [],
	);
	return {
		...season,
		year,
		numberOfMatches: ofSeason.length,
		playedMatches: played.length,
		currentMatchday: matchdays.length > 0 ? Math.max(...matchdays) : null,
	};
}

export async function competitionByCode(
	competitions: DocumentCollection,
	matches: DocumentCollection,
	code: string,
): Promise<CompetitionDetail> {
	const competition = await liveViewById<Competition>(competitions, code);
	if (!competition) throw notFound("competition", code, "/api/v1/competitions");
	const ofIt = (await matches.find({
		"competition.code": code,
		_deleted: false,
	})) as unknown as SeasonMatch[];
	const seasons = competition.seasons
		.map(season => seasonDetail(season, ofIt))
		.sort((a, b) => b.year - a.year);
	return { ...competition, seasons };
}
