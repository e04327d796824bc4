// DATA_SOURCE=folder, the default: openfootball's files in a local folder (DATA_DIR), read a
// file at a time while the import goes, so that a large folder never sits in memory whole.
import { openOpenFootballDir, streamOpenFootball } from "../../../domain/openfootball";
import type { MasterSource, SourceRead } from "./source";

export class FolderSource implements MasterSource {
	readonly name = "folder";

	constructor(private readonly dir: string) {}

	async read(): Promise<SourceRead> {
		// The folder is read afresh each time: there is nothing to remember between reads.
		return {
			batches: streamOpenFootball(openOpenFootballDir(this.dir)),
			commit: () => undefined,
		};
	}
}
