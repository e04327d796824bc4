// The docs page at /api/docs: real files (docs/public/), which browse /api/openapi.json and try routes.
import { DOCS_FILES } from "../docs/files";
import type { Req, Res } from "../http/reply";
import { sendStatic } from "./static-reply";

/** Aliases for the /api route: the page, and its script and style. */
export function docsAliases(): Record<string, unknown> {
	return {
		"GET /docs"(req: Req, res: Res) {
			sendStatic(req, res, DOCS_FILES, DOCS_FILES.index);
		},
		"GET /docs/:file"(req: Req, res: Res) {
			sendStatic(req, res, DOCS_FILES, String(req.$params?.file ?? ""));
		},
	};
}
