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
 * The dashboard's files. Read now, not on the first request: the gateway calls this while it
 * is being made, so an image without the dashboard's index.html refuses to start.
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
