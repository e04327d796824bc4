// Reads the meetings of two teams from the projection and adds them up (domain/head2head.ts).
import { notFound } from "../../contracts";
import { aggregate, meetingsOf } from "../../domain/head2head";
import type { Match, TeamRef } from "../../domain/model";
import { toV4Match, type V4Match } from "../../domain/v4-match";
import { liveViewById } from "../../mixins/listing";
import type { DocumentCollection } from "../../storage/collections";
import {
	type Head2HeadResult,
	type Head2HeadV1Params,
	type Head2HeadV2Params,
	twoTeams,
} from "./head2head.contract";

const live = { _deleted: false };

async function meetings(matches: DocumentCollection, a: string, b: string): Promise<Match[]> {
	const found = await matches.find({
		"homeTeam.id": { $in: [a, b] },
		"awayTeam.id": { $in: [a, b] },
		...live,
	});
	return meetingsOf(found as unknown as Match[], a, b);
}

/** The team as the data names it, from any of its matches; 404 when it has none. */
async function teamRef(matches: DocumentCollection, teamId: string): Promise<TeamRef> {
	const [match] = (await matches.find(
		{ _teams: teamId, ...live },
		{ limit: 1 },
	)) as unknown as Match[];
	if (!match) throw notFound("team", teamId, "/api/v1/teams");
	return match.homeTeam.id === teamId ? match.homeTeam : match.awayTeam;
}

function resultOf(
	meetings: Match[],
	home: TeamRef,
	away: TeamRef,
	limit: number,
): Head2HeadResult<V4Match> {
	const listed = meetings.slice(0, limit);
	const day = (match: Match | undefined) => match?.utcDate.slice(0, 10) ?? null;
	return {
		filters: { limit },
		resultSet: { count: listed.length, first: day(listed.at(-1)), last: day(listed[0]) },
		aggregates: aggregate(listed, home, away),
		matches: listed.map(toV4Match),
	};
}

/** v1: any two teams. */
export async function head2headOfTeams(
	matches: DocumentCollection,
	params: Head2HeadV1Params,
): Promise<Head2HeadResult<V4Match>> {
	const [a, b] = twoTeams(params.teams);
	const [home, away] = await Promise.all([teamRef(matches, a), teamRef(matches, b)]);
	return resultOf(await meetings(matches, a, b), home, away, params.limit);
}

/** v2: a match's teams, over their meetings up to and including that match. */
export async function head2headOfMatch(
	matches: DocumentCollection,
	params: Head2HeadV2Params,
): Promise<Head2HeadResult<V4Match>> {
	const match = await liveViewById<Match>(matches, params.id);
	if (!match) throw notFound("match", params.id, "/api/v2/results");
	const { homeTeam, awayTeam } = match;
	const upToIt = (await meetings(matches, homeTeam.id, awayTeam.id)).filter(
		meeting => meeting.utcDate <= match.utcDate,
	);
	return resultOf(upToIt, homeTeam, awayTeam, params.limit);
}
