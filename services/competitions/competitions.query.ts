// Turns `v1.competitions.list` params into a page request on the competitions projection.
import type { CompetitionsListParams } from "./competitions.contract";
import type { Query } from "../../storage/collections";
import type { PageRequest } from "../../mixins/listing";

export function competitionsPageRequest(params: CompetitionsListParams): PageRequest {
	const query: Query = {};
	if (params.type) query.type = params.type;
	if (params.area) query["area.code"] = params.area;
	return {
		query,
		sort: [
			["_name", 1],
			["_id", 1],
		],
		page: params.page,
		pageSize: params.pageSize,
		hidden: ["_name"],
	};
}
