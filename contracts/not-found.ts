// The answer to a lookup of an id nothing has: a 404 in the API's error shape, of a type that
// names what was looked for (`MATCH_NOT_FOUND`), with the id and where ids are listed.
import { Errors } from "moleculer";

export function notFound(
	what: "match" | "team" | "person" | "competition",
	id: string,
	listedAt: string,
): Errors.MoleculerClientError {
	return new Errors.MoleculerClientError(
		`No ${what} has the id '${id}'. Ids are listed by ${listedAt}.`,
		404,
		`${what.toUpperCase()}_NOT_FOUND`,
		{ id },
	);
}
