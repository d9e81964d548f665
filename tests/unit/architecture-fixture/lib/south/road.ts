export const road = "south";
