export const sign = "north";
