// File cycle: first → second → first.
import { second } from "./second";

export const first = () => second() + 1;
