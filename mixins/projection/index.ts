// The projection mixin's public face: what services and the benchmark import.
export { ProjectionMixin } from "./projection.mixin";
export type { ProjectionMethods, ProjectionOptions } from "./options";
export { applyAsViews, viewOf } from "./views";
