// The teams service's projection: teams with keys for competition, season and name search.
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Team } from "../../domain/model";
import { foldText } from "../../domain/text";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";

export const TEAMS = "teams";

export function teamView(team: Team): Record<string, unknown> {
	return {
		...team,
		_name: foldText(team.name),
		_search: foldText([team.name, team.shortName, team.tla].join(" ")),
		_codes: [...new Set(team.competitions.map(c => c.code))],
		_years: [...new Set(team.competitions.map(c => c.season))],
		_seasons: team.competitions.map(c => `${c.code}:${c.season}`),
	};
}

export function applyTeamChanges(service: Service & DbMethods, changes: Change[]): Promise<void> {
	return applyAsViews<Team>(service.collection(TEAMS), changes, teamView);
}
