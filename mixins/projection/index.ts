// The projection mixin's public face: what services and the benchmark import.
export { ProjectionMixin } from "./projection.mixin";
export type { ProjectionMethods, ProjectionOptions } from "./options";
export { applyAsViews, checkedView, viewOf } from "./views";
