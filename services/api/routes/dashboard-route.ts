// The dashboard: a single page whose views are in the URL's hash, and its files, under the pages'
// strict CSP. (A path of its own: moleculer-web keeps one route per path.)
import { type AssetTable, INDEX, loadAssets } from "../dashboard/assets";
import type { Req, Res } from "../http/reply";
import { sendStatic } from "./static-reply";

/** Where the dashboard is served; `/` sends browsers there. */
export const DASHBOARD_PATH = "/dashboard/";

export function dashboardRoute(): Record<string, unknown> {
	// Read on the first request, not when the gateway module is imported.
	let assets: AssetTable | undefined;
	const serve = (req: Req, res: Res, name: string) =>
		sendStatic(req, res, (assets ??= loadAssets()), name);
	return {
		path: "/dashboard",
		aliases: {
			// /dashboard and /dashboard/ (a trailing slash is optional in aliases).
			"GET /"(req: Req, res: Res) {
				serve(req, res, INDEX);
			},
			"GET /:asset"(req: Req, res: Res) {
				serve(req, res, String(req.$params?.asset ?? ""));
			},
		},
		mappingPolicy: "restrict",
		autoAliases: false,
		bodyParsers: { json: false, urlencoded: false },
	};
}
