// The API documentation page's files (the folder public/ beside this module), served at /api/docs by the gateway.
import { join } from "node:path";
import { loadStaticFiles } from "../static-files";

/** Where the files are, beside this module (`dist/services/api/docs/public` in an image). */
export const DOCS_DIR = join(__dirname, "public");

/**
 * The docs page (index.html, for `GET /api/docs`) and its script and style (`GET /api/docs/:file`).
 * Made at import but read on the first request, so importing the gateway reads no file.
 */
export const DOCS_FILES = loadStaticFiles(DOCS_DIR, { index: "index.html" });
