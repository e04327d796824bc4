// The source DATA_SOURCE names, made from the node's configuration (docs/sources.md).
import type { NodeConfig } from "../../../contracts";
import { FolderSource } from "./folder-source";
import { FootballDataSource } from "./football-data-source";
import { OpenFootballHttpSource } from "./openfootball-http-source";
import type { MasterSource } from "./source";

export type { MasterSource, SourceRead } from "./source";
export { SourceError } from "./http-client";

export function sourceFor(config: NodeConfig, log: (message: string) => void): MasterSource {
	const source = config.dataSource;
	const policy = {
		retries: config.sourceRetries,
		retryDelay: config.sourceRetryDelay,
		timeout: config.sourceTimeout,
	};
	switch (source.kind) {
		case "folder":
			return new FolderSource(config.dataDir);
		case "openfootball-http":
			return new OpenFootballHttpSource(source.urls, source.files, policy, log);
		case "football-data":
			return new FootballDataSource({ ...source, policy }, log);
	}
}
