import { first } from "./first";

export const second = () => 0;
export const backToFirst = () => first;
