// Forbidden: the simulator reachable from a route, through lib/.
import { seed } from "../lib/demo-seed/seed";

export const page = () => seed();
