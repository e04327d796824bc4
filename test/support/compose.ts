// docker-compose.yml against the topology the services declare: which node groups it lacks, or
// declares differently. The one file outside a service's folder that names the service by hand.
import { parse } from "yaml";
import type { NodeGroup } from "../../platform/topology";

interface ComposeFile {
	services: Record<
		string,
		{ build?: { args?: Record<string, string> }; deploy?: { replicas?: number } }
	>;
}

/** Node groups of the topology that docker-compose.yml does not declare as they are (name, SERVICE, replicas). */
export function composeGaps(groups: readonly NodeGroup[], composeYaml: string): NodeGroup[] {
	const compose = parse(composeYaml) as ComposeFile;
	return groups.filter(group => {
		const declared = compose.services[group.name];
		return (
			declared?.build?.args?.SERVICE !== group.services ||
			(declared.deploy?.replicas ?? 1) !== group.replicas
		);
	});
}
