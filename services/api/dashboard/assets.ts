// The dashboard's static files (the folder public/ beside this module), served from memory by ../static-files.ts.
import { join } from "node:path";
import {
	loadStaticFiles,
	type StaticFile,
	type StaticFiles,
	type StaticReply,
	staticReply,
} from "../static-files";

/** Where the files are, beside this module (`dist/services/api/dashboard/public` in an image). */
export const PUBLIC_DIR = join(__dirname, "public");

/** The page every dashboard URL starts from; its own routes are in the URL's hash. */
export const INDEX = "index.html";

export type Asset = StaticFile;
export type AssetTable = StaticFiles;
export type AssetReply = StaticReply;

/**
 * The dashboard's files, read from disk when this is called and then kept in memory. The gateway
 * calls it on the first dashboard request (routes/dashboard-route.ts), not when it starts: an
 * image without the dashboard's index.html starts, and that request fails.
 */
export function loadAssets(dir: string = PUBLIC_DIR): AssetTable {
	const files = loadStaticFiles(dir, { index: INDEX });
	files.names();
	return files;
}

/** The answer for the file `name` (see staticReply); null when there is no such file. */
export function assetReply(
	table: AssetTable,
	name: string,
	ifNoneMatch?: string,
): AssetReply | null {
	return staticReply(table, name, ifNoneMatch) ?? null;
}
