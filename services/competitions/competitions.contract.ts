// v1.competitions.list's contract: its params schema and its documented answer, a page of
// competitions with their seasons.
import {
	type ActionDoc,
	AREA,
	arrayOf,
	code,
	type HandlerParams,
	object,
	pageOf,
	paging,
	ref,
	str,
} from "../../contracts";
import type { CompetitionType } from "../../domain/model";

export const COMPETITION_TYPES: CompetitionType[] = ["LEAGUE", "CUP"];

export const competitionsListParams = {
	$$strict: true,
	type: { type: "enum", values: COMPETITION_TYPES, optional: true },
	area: code,
	...paging,
} as const;

export type CompetitionsListParams = HandlerParams<typeof competitionsListParams>;

export const competitionsListDoc: ActionDoc = {
	summary: "List competitions",
	result: ref("CompetitionsPage"),
	components: {
		CompetitionsPage: pageOf("Competition"),
		Competition: object({
			id: str,
			code: str,
			name: str,
			type: { type: "string", enum: [...COMPETITION_TYPES] },
			area: ref("Area"),
			seasons: arrayOf("Season"),
		}),
		Season: object({
			id: {
				type: "string",
				description: "`<competition code>-<start year>`, e.g. `PL-2024`.",
			},
			startDate: str,
			endDate: str,
		}),
		Area: AREA,
	},
	params: {
		type: "The competition's type.",
		area: "An area code, e.g. `ENG`.",
	},
};
