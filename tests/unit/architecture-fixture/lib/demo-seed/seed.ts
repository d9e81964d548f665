import { simulator } from "../../sim/server";

export const seed = () => simulator;
