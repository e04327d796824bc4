// v1.players.list's contract: its params schema (validator, types and docs come from it) and its
// documented answer, a page of players.
import {
	type ActionDoc,
	code,
	type HandlerParams,
	id,
	nullableInt,
	nullableStr,
	object,
	pageOf,
	paging,
	ref,
	str,
	TEAM_REF,
	text,
} from "../../contracts";
import type { Position } from "../../domain/model";

export const PLAYER_SORTS = [
	"name",
	"-name",
	"dateOfBirth",
	"-dateOfBirth",
	"shirtNumber",
	"-shirtNumber",
] as const;
export const POSITIONS: Position[] = ["Goalkeeper", "Defender", "Midfielder", "Forward"];

export const playersListParams = {
	$$strict: true,
	team: id,
	competition: code,
	position: { type: "enum", values: POSITIONS, optional: true },
	nationality: text,
	q: text,
	sort: { type: "enum", values: PLAYER_SORTS, optional: true, default: "name" },
	...paging,
} as const;

export type PlayersListParams = HandlerParams<typeof playersListParams>;

export const playersListDoc: ActionDoc = {
	summary: "List players",
	result: ref("PlayersPage"),
	components: {
		PlayersPage: pageOf("Player"),
		Player: object({
			id: str,
			name: str,
			position: { type: "string", enum: [...POSITIONS] },
			shirtNumber: nullableInt,
			dateOfBirth: nullableStr,
			nationality: str,
			team: ref("TeamRef"),
			club: { ...object({ name: str, country: str }), type: ["object", "null"] },
		}),
		TeamRef: TEAM_REF,
	},
	params: {
		team: "A team's id, e.g. `argentina`.",
		competition: "A competition code, e.g. `PL`, `WC`.",
		position: "The player's position.",
		nationality: "The player's nationality.",
		q: "Text to look for in names.",
		sort: "Sort order; a leading `-` sorts descending.",
	},
};
