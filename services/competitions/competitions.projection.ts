// The competitions service's projection: competitions as the master has them, plus a sort key.
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Competition } from "../../domain/model";
import { foldText } from "../../domain/text";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";

export const COMPETITIONS = "competitions";

export function competitionView(competition: Competition): Record<string, unknown> {
	return { ...competition, _name: foldText(competition.name) };
}

export function applyCompetitionChanges(
	service: Service & DbMethods,
	changes: Change[],
): Promise<void> {
	return applyAsViews<Competition>(service.collection(COMPETITIONS), changes, competitionView);
}
