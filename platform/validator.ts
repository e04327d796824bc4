// The params validator every node uses: Moleculer's fastest-validator, reading lengths in
// characters and numbers in decimal digits only (contracts/validation.ts).
import { Validators } from "moleculer";
import { readParamsStrictly, type RuleTable } from "../contracts";

export function paramsValidator(): InstanceType<typeof Validators.Fastest> {
	const validator = new Validators.Fastest();
	// Moleculer's typings leave out the fastest-validator instance it holds.
	readParamsStrictly((validator as unknown as { validator: RuleTable }).validator);
	return validator;
}
