// The public HTTP routes and the action behind each: the API's whole surface, in one table.
import { ACTIONS } from "../../contracts";

export const PUBLIC_ROUTES = {
	"GET /v1/players": ACTIONS.playersList,
	"GET /v1/competitions": ACTIONS.competitionsList,
	"GET /v1/teams": ACTIONS.teamsList,
	"GET /v1/results": ACTIONS.resultsList,
	"GET /v2/results": ACTIONS.resultsListV2,
	"GET /v1/standings": ACTIONS.standingsList,
} as const;

/** Only these actions can be reached through the gateway, whatever a request says. */
export const PUBLIC_ACTIONS: string[] = Object.values(PUBLIC_ROUTES);

/**
 * Routes kept for existing clients but superseded: marked in the OpenAPI document and answered
 * with a `Deprecation` header and a `Link` to their successor (RFC 9745, RFC 8288).
 */
export const DEPRECATED_ROUTES: Record<string, string> = {
	"GET /v1/results": "/api/v2/results",
};
